namespace ScalingLaws.Data;

/// <summary>
/// Pivots a long table (one row per run × domain: key columns, a domain column and a value column)
/// into a wide one (one row per run, one column <c>&lt;prefix&gt;&lt;domain&gt;</c> per domain).
/// </summary>
public static class LongToWide
{
    /// <summary>Pivots with a single run-id column; see <see cref="Pivot(RunTable, IReadOnlyList{string}, string, string, string)"/>.</summary>
    /// <param name="table">The long table.</param>
    /// <param name="runColumn">Column identifying a run.</param>
    /// <param name="domainColumn">Column naming the domain of the value.</param>
    /// <param name="valueColumn">Numeric column holding the value.</param>
    /// <param name="prefix">Prefix of the new column names, e.g. <c>loss_</c>.</param>
    public static RunTable Pivot(RunTable table, string runColumn, string domainColumn, string valueColumn, string prefix = "") =>
        Pivot(table, [runColumn], domainColumn, valueColumn, prefix);

    /// <summary>
    /// Pivots <paramref name="table"/>: one output row per distinct combination of the key columns (in
    /// order of first appearance, located at its first input row), with the key columns, every other
    /// column that is constant within each run, and one numeric column per domain (in order of first
    /// appearance). A run without a value for a domain gets NaN there. A repeated (run, domain) pair
    /// must repeat the same value.
    /// </summary>
    /// <param name="table">The long table.</param>
    /// <param name="keyColumns">Columns that together identify a run (e.g. size, run id, step).</param>
    /// <param name="domainColumn">Column naming the domain of the value.</param>
    /// <param name="valueColumn">Numeric column holding the value.</param>
    /// <param name="prefix">Prefix of the new column names, e.g. <c>loss_</c>.</param>
    /// <exception cref="DataException">
    /// A column is missing; a key or domain is missing; a (run, domain) pair has two different values;
    /// another column differs within a run; or a new column name is taken.
    /// </exception>
    public static RunTable Pivot(RunTable table, IReadOnlyList<string> keyColumns, string domainColumn, string valueColumn, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keyColumns);
        var keys = keyColumns.Select(table.Column).ToList();
        var domain = table.Column(domainColumn);
        var value = table.Numeric(valueColumn);

        var runs = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstRow = new List<int>();
        var domains = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new Dictionary<(int Run, int Domain), int>();
        var runOfRow = new int[table.RowCount];
        for (int i = 0; i < table.RowCount; i++)
        {
            var source = table.RowSource(i);
            foreach (var key in keys)
                if (key.IsMissing(i)) throw new DataException($"missing value in key column '{key.Name}'.", source.File, source.Line);
            if (domain.IsMissing(i)) throw new DataException($"missing value in domain column '{domain.Name}'.", source.File, source.Line);
            string runKey = string.Join("\u001f", keys.Select(k => k.Format(i)));
            if (!runs.TryGetValue(runKey, out int run))
            {
                run = runs.Count;
                runs.Add(runKey, run);
                firstRow.Add(i);
            }
            runOfRow[i] = run;
            string name = domain.Format(i);
            if (!domains.TryGetValue(name, out int d)) domains.Add(name, d = domains.Count);
            if (cells.TryGetValue((run, d), out int previous))
            {
                if (!value[previous].Equals(value[i]))
                    throw new DataException(
                        $"run {Describe(keys, i)} has two values for domain '{name}': {Invariant.Format(value[previous])} at {table.RowSource(previous)} and {Invariant.Format(value[i])} here.",
                        source.File, source.Line);
            }
            else cells.Add((run, d), i);
        }

        var used = keyColumns.Append(domainColumn).Append(valueColumn).ToHashSet(StringComparer.Ordinal);
        var carried = table.Columns.Where(c => !used.Contains(c.Name)).ToList();
        foreach (var column in carried) CheckConstant(table, column, runOfRow, firstRow, keys);

        var output = keys.Concat(carried).Select(c => c.Select(firstRow)).ToList();
        foreach (var (name, d) in domains)
        {
            var values = new double[runs.Count];
            for (int r = 0; r < values.Length; r++)
                values[r] = cells.TryGetValue((r, d), out int row) ? value[row] : double.NaN;
            var columnName = prefix + name;
            if (output.Any(c => c.Name == columnName))
                throw new DataException($"the pivoted column '{columnName}' would replace an existing column; choose another prefix.", table.Name);
            output.Add(RunColumn.Numeric(columnName, values));
        }
        return new RunTable(table.Name, output, firstRow.Select(table.RowSource));
    }

    private static void CheckConstant(RunTable table, RunColumn column, int[] runOfRow, List<int> firstRow, List<RunColumn> keys)
    {
        for (int i = 0; i < table.RowCount; i++)
        {
            int first = firstRow[runOfRow[i]];
            if (column.Format(i) == column.Format(first)) continue;
            var source = table.RowSource(i);
            throw new DataException(
                $"column '{column.Name}' differs within run {Describe(keys, i)} ('{column.Format(first)}' at {table.RowSource(first)}, '{column.Format(i)}' here); add it to the key columns or remove it before pivoting.",
                source.File, source.Line);
        }
    }

    private static string Describe(List<RunColumn> keys, int row) =>
        string.Join(", ", keys.Select(k => $"{k.Name}={k.Format(row)}"));

}
