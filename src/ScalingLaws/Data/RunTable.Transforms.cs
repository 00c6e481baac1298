using System.Collections.Immutable;

namespace ScalingLaws.Data;

public sealed partial class RunTable
{
    /// <summary>The rows for which <paramref name="predicate"/> is true, in order.</summary>
    /// <param name="predicate">Row filter.</param>
    public RunTable Where(Func<RunRow, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var rows = new List<int>();
        for (int i = 0; i < RowCount; i++)
            if (predicate(new RunRow(this, i))) rows.Add(i);
        return Where(rows);
    }

    /// <summary>The rows at the given 0-based indices, in the given order (repeats allowed).</summary>
    /// <param name="rows">Row indices.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the table.</exception>
    public RunTable Where(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (int i in rows)
            if ((uint)i >= (uint)RowCount)
                throw new ArgumentOutOfRangeException(nameof(rows), i, $"Row index outside the table of {RowCount} rows.");
        return new RunTable(Name, Columns.Select(c => c.Select(rows)), Origins.Select(rows));
    }

    /// <summary>The table with a numeric column added, or replaced when the name exists.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">One value per row; NaN marks a missing value.</param>
    /// <exception cref="ArgumentException">The number of values differs from <see cref="RowCount"/>.</exception>
    public RunTable WithColumn(string name, IReadOnlyList<double> values) => WithColumn(RunColumn.Numeric(name, values));

    /// <summary>The table with a numeric column computed from each row, added or replacing one of the same name.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="compute">The value for a row.</param>
    public RunTable WithColumn(string name, Func<RunRow, double> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var values = new double[RowCount];
        for (int i = 0; i < RowCount; i++) values[i] = compute(new RunRow(this, i));
        return WithColumn(name, values);
    }

    /// <summary>The table with a text column added, or replaced when the name exists.</summary>
    /// <param name="name">Column name.</param>
    /// <param name="values">One value per row; empty marks a missing value.</param>
    public RunTable WithTextColumn(string name, IReadOnlyList<string> values) => WithColumn(RunColumn.Text(name, values));

    /// <summary>The table with <paramref name="column"/> added, or replacing the column of the same name in place.</summary>
    /// <param name="column">The column; its length must equal <see cref="RowCount"/>.</param>
    public RunTable WithColumn(RunColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Count != RowCount)
            throw new ArgumentException(
                $"Column '{column.Name}' has {column.Count} values; the table has {RowCount} rows.", nameof(column));
        var columns = _index.TryGetValue(column.Name, out int j) ? Columns.SetItem(j, column) : Columns.Add(column);
        return new RunTable(Name, columns, Origins);
    }

    /// <summary>The table without the named columns.</summary>
    /// <param name="names">Columns to remove; each must exist.</param>
    public RunTable WithoutColumns(params string[] names)
    {
        foreach (var name in names) Column(name);
        var drop = names.ToHashSet(StringComparer.Ordinal);
        return new RunTable(Name, Columns.Where(c => !drop.Contains(c.Name)), Origins);
    }

    /// <summary>The table with a column renamed.</summary>
    /// <param name="name">Current name.</param>
    /// <param name="newName">New name; must not be taken by another column.</param>
    public RunTable RenameColumn(string name, string newName)
    {
        var column = Column(name);
        if (name != newName && HasColumn(newName))
            throw new DataException($"cannot rename '{name}' to '{newName}': that column exists already.", Name);
        return new RunTable(Name, Columns.Select(c => c == column ? c.WithName(newName) : c), Origins);
    }

    /// <summary>The rows in which none of the named columns is missing (empty or NaN).</summary>
    /// <param name="names">Columns to check; each must exist.</param>
    public RunTable DropMissing(params string[] names)
    {
        var columns = names.Select(Column).ToList();
        return Where(row => columns.All(c => !c.IsMissing(row.Index)));
    }

    /// <summary>This table's rows followed by <paramref name="other"/>'s; see <see cref="Concat(IEnumerable{RunTable}, string?)"/>.</summary>
    /// <param name="other">The table to append.</param>
    public RunTable Concat(RunTable other) => Concat([this, other]);

    /// <summary>
    /// The rows of all tables, in order. Columns are the union of the tables' columns (in order of first
    /// appearance); a table without a column contributes missing values to it. A column must have the
    /// same kind in every table that has it.
    /// </summary>
    /// <param name="tables">Tables to join, at least one.</param>
    /// <param name="name">Name of the result; by default the distinct table names joined with " + ".</param>
    /// <exception cref="DataException">A column is numeric in one table and text in another.</exception>
    public static RunTable Concat(IEnumerable<RunTable> tables, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var list = tables.ToList();
        if (list.Count == 0) throw new ArgumentException("Concat needs at least one table.", nameof(tables));
        var kinds = new Dictionary<string, (ColumnKind Kind, string Table)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var table in list)
            foreach (var column in table.Columns)
            {
                if (kinds.TryGetValue(column.Name, out var seen))
                {
                    if (seen.Kind != column.Kind)
                        throw new DataException(
                            $"column '{column.Name}' is {Describe(seen.Kind)} in {seen.Table} but {Describe(column.Kind)} in {table.Name}; tables can only be joined when a column has one kind.");
                }
                else
                {
                    kinds.Add(column.Name, (column.Kind, table.Name));
                    order.Add(column.Name);
                }
            }
        var columns = order.Select(n => RunColumn.Join(n, kinds[n].Kind, list.Select(t =>
            t.HasColumn(n) ? t.Column(n) : RunColumn.Missing(n, kinds[n].Kind, t.RowCount))));
        name ??= string.Join(" + ", list.Select(t => t.Name).Distinct(StringComparer.Ordinal));
        return new RunTable(name, columns, list.SelectMany(t => t.Sources));
    }

    private static string Describe(ColumnKind kind) => kind == ColumnKind.Numeric ? "numeric" : "text";
}
