using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Data;

public sealed partial class RunTable
{
    /// <summary>
    /// Binds a law's variables and a target to columns and returns the numbers a fit consumes.
    /// A variable reads the column of the same name unless <paramref name="mapping"/> maps it to
    /// another (e.g. <c>N → model_size</c>).
    /// </summary>
    /// <param name="variables">The law's variable names, in the order the law reads them.</param>
    /// <param name="target">Column holding the observed loss.</param>
    /// <param name="mapping">Law variable → column name, for variables whose column has another name.</param>
    /// <param name="weightColumn">Optional column of non-negative per-row weights.</param>
    /// <param name="missing">What to do with rows where a used value is missing (empty or NaN); default <see cref="MissingValuePolicy.Error"/>.</param>
    /// <exception cref="DataException">
    /// A column is missing (the message suggests close names and lists the available ones) or holds text;
    /// a used value is missing (with <see cref="MissingValuePolicy.Error"/>), infinite, or a weight is negative;
    /// or no rows remain.
    /// </exception>
    public FitData ToFitData(IReadOnlyList<string> variables, string target,
        IReadOnlyDictionary<string, string>? mapping = null, string? weightColumn = null,
        MissingValuePolicy missing = MissingValuePolicy.Error)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(target);
        var duplicate = variables.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Variable '{duplicate.Key}' is listed twice.", nameof(variables));
        mapping ??= ImmutableDictionary<string, string>.Empty;
        foreach (var key in mapping.Keys)
            if (!variables.Contains(key, StringComparer.Ordinal))
                throw new DataException(
                    $"the column mapping names '{key}', which is not a variable of the law (variables: {string.Join(", ", variables)}).");

        var bound = new List<(string Role, RunColumn Column)>();
        foreach (var variable in variables)
        {
            var columnName = mapping.TryGetValue(variable, out var mapped) ? mapped : variable;
            bound.Add(($"variable '{variable}'", BindNumeric(columnName, variable, mapped is not null)));
        }
        var y = BindNumeric(target, null, false);
        var w = weightColumn is null ? null : BindNumeric(weightColumn, null, false);

        var rows = new List<int>(RowCount);
        for (int i = 0; i < RowCount; i++)
        {
            bool keep = CheckValue(i, y, "target");
            foreach (var (role, column) in bound) keep &= CheckValue(i, column, role);
            if (w is not null)
            {
                keep &= CheckValue(i, w, "weight");
                if (w.Numbers[i] < 0)
                    throw new DataException($"weight {Invariant.Format(w.Numbers[i])} in column '{w.Name}' is negative; weights must be ≥ 0.",
                        Sources[i].File, Sources[i].Line);
            }
            if (keep) rows.Add(i);
            else if (missing == MissingValuePolicy.Error) throw MissingError(i, bound, y, w);
        }
        if (rows.Count == 0)
            throw new DataException(RowCount == 0
                ? "the table has no rows to fit."
                : $"no rows left to fit: all {RowCount} rows have a missing value in a used column.", Name);

        int m = bound.Count;
        var x = new double[rows.Count * m];
        var targets = new double[rows.Count];
        var weights = w is null ? null : new double[rows.Count];
        for (int k = 0; k < rows.Count; k++)
        {
            int i = rows[k];
            for (int j = 0; j < m; j++) x[k * m + j] = bound[j].Column.Numbers[i];
            targets[k] = y.Numbers[i];
            if (weights is not null) weights[k] = w!.Numbers[i];
        }
        return new FitData(variables, x, targets, weights, target);
    }

    /// <summary>
    /// The values of <paramref name="variables"/> at every row, row-major (row i, variable j at <c>i·m + j</c>), each variable
    /// read from its column as <see cref="ToFitData"/> binds it — for evaluating a fitted law where no target is observed.
    /// </summary>
    /// <param name="variables">The law's variable names, in the order the law reads them.</param>
    /// <param name="mapping">Law variable → column name, for variables whose column has another name.</param>
    /// <exception cref="DataException">A column is missing or holds text, or a value is missing or infinite (the message names file and line).</exception>
    public double[] VariableValues(IReadOnlyList<string> variables, IReadOnlyDictionary<string, string>? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        mapping ??= ImmutableDictionary<string, string>.Empty;
        var bound = variables.Select(v => ($"variable '{v}'", BindNumeric(mapping.TryGetValue(v, out var c) ? c : v, v, mapping.ContainsKey(v)))).ToList();
        int m = bound.Count;
        var values = new double[RowCount * m];
        for (int i = 0; i < RowCount; i++)
            for (int j = 0; j < m; j++)
            {
                if (!CheckValue(i, bound[j].Item2, bound[j].Item1))
                    throw new DataException($"missing value in column '{bound[j].Item2.Name}' ({bound[j].Item1}).", Sources[i].File, Sources[i].Line);
                values[i * m + j] = bound[j].Item2.Numbers[i];
            }
        return values;
    }

    private RunColumn BindNumeric(string columnName, string? variable, bool mapped)
    {
        if (!HasColumn(columnName))
        {
            string purpose = variable is null ? "" : mapped ? $"(variable '{variable}' is mapped to it)" : $"for variable '{variable}'";
            string hint = variable is null ? "" : $" Map the variable to a column, e.g. {variable}=<column>.";
            throw new DataException(ColumnSuggestions.NoColumn(columnName, ColumnNames, purpose.Length == 0 ? null : purpose) + hint, Name);
        }
        return Column(columnName).Kind == ColumnKind.Numeric ? Column(columnName)
            : throw new DataException(TextColumnMessage(Column(columnName)), Name);
    }

    /// <summary>True when the value is present; throws when it is infinite.</summary>
    private bool CheckValue(int row, RunColumn column, string role)
    {
        double value = column.Numbers[row];
        if (double.IsNaN(value)) return false;
        if (double.IsInfinity(value))
            throw new DataException($"value {Invariant.Format(value)} in column '{column.Name}' ({role}) is not finite.",
                Sources[row].File, Sources[row].Line);
        return true;
    }

    private DataException MissingError(int row, List<(string Role, RunColumn Column)> bound, RunColumn y, RunColumn? w)
    {
        IEnumerable<(string Role, RunColumn Column)> all = bound.Append(("target", y));
        if (w is not null) all = all.Append(("weight", w));
        var (role, column) = all.First(b => b.Column.IsMissing(row));
        return new DataException(
            $"missing value in column '{column.Name}' ({role}); fill it in, or drop such rows (MissingValuePolicy.DropRow).",
            Sources[row].File, Sources[row].Line);
    }

}
