using System.Collections.Immutable;
using ScalingLaws.Data;

namespace ScalingLaws.Fitting;

/// <summary>
/// The one binding of a law's variables (and a target and a weight column) to the columns of a <see cref="RunTable"/>, used by
/// fitting, validation, plotting and the command line. A variable reads the column of its own name unless the mapping names
/// another (e.g. <c>N → model_size</c>). The missing-value rule: a value is missing when its cell is empty (NaN); a row with a
/// missing used value is an error naming file and line under <see cref="MissingValuePolicy.Error"/> and is left out under
/// <see cref="MissingValuePolicy.DropRow"/>; an infinite value or a negative weight is always an error.
/// </summary>
public static class TableBinding
{
    /// <summary>
    /// The rows whose used values are all present: every row under <see cref="MissingValuePolicy.Error"/> (a missing value
    /// throws), the rows without a missing used value under <see cref="MissingValuePolicy.DropRow"/>. May be empty.
    /// </summary>
    /// <param name="table">The runs.</param>
    /// <param name="variables">The law's variable names, in the order the law reads them.</param>
    /// <param name="target">Column holding the observed loss, or null when no target is read.</param>
    /// <param name="mapping">Law variable → column name, for variables whose column has another name.</param>
    /// <param name="weightColumn">Optional column of non-negative per-row weights.</param>
    /// <param name="missing">What to do with a row whose used value is missing; default <see cref="MissingValuePolicy.Error"/>.</param>
    /// <exception cref="DataException">
    /// A column is missing (the message suggests close names) or holds text; a used value is missing (with
    /// <see cref="MissingValuePolicy.Error"/>) or infinite; a weight is negative.
    /// </exception>
    public static ImmutableArray<int> UsableRows(this RunTable table, IReadOnlyList<string> variables, string? target = null,
        IReadOnlyDictionary<string, string>? mapping = null, string? weightColumn = null, MissingValuePolicy missing = MissingValuePolicy.Error)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Rows(table, Bind(table, variables, target, mapping, weightColumn), missing);
    }

    /// <summary>
    /// Binds a law's variables and a target to columns and returns the numbers a fit consumes (the rows of
    /// <see cref="UsableRows"/>, in table order).
    /// </summary>
    /// <param name="table">The runs.</param>
    /// <param name="variables">The law's variable names, in the order the law reads them.</param>
    /// <param name="target">Column holding the observed loss.</param>
    /// <param name="mapping">Law variable → column name, for variables whose column has another name.</param>
    /// <param name="weightColumn">Optional column of non-negative per-row weights.</param>
    /// <param name="missing">What to do with a row whose used value is missing; default <see cref="MissingValuePolicy.Error"/>.</param>
    /// <exception cref="DataException">As <see cref="UsableRows"/>, or no rows remain.</exception>
    public static FitData ToFitData(this RunTable table, IReadOnlyList<string> variables, string target,
        IReadOnlyDictionary<string, string>? mapping = null, string? weightColumn = null, MissingValuePolicy missing = MissingValuePolicy.Error)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(target);
        var bound = Bind(table, variables, target, mapping, weightColumn);
        var rows = Rows(table, bound, missing);
        if (rows.IsEmpty)
            throw new DataException(table.RowCount == 0
                ? "the table has no rows to fit."
                : $"no rows left to fit: all {table.RowCount} rows have a missing value in a used column.", table.Name);
        int m = variables.Count;
        var x = new double[rows.Length * m];
        var y = new double[rows.Length];
        var weights = weightColumn is null ? null : new double[rows.Length];
        for (int k = 0; k < rows.Length; k++)
        {
            int i = rows[k];
            for (int j = 0; j < m; j++) x[k * m + j] = bound[j].Values[i];
            y[k] = bound[m].Values[i];
            if (weights is not null) weights[k] = bound[m + 1].Values[i];
        }
        return FitData.Adopt(variables, x, y, weights, target);
    }

    /// <summary>
    /// The values of <paramref name="variables"/> at every row, row-major (row i, variable j at <c>i·m + j</c>), bound as
    /// <see cref="ToFitData"/> binds them — for evaluating a fitted law where no target is observed. A missing value is an error.
    /// </summary>
    /// <param name="table">The runs.</param>
    /// <param name="variables">The law's variable names, in the order the law reads them.</param>
    /// <param name="mapping">Law variable → column name, for variables whose column has another name.</param>
    /// <exception cref="DataException">A column is missing or holds text, or a value is missing or infinite (the message names file and line).</exception>
    public static double[] VariableValues(this RunTable table, IReadOnlyList<string> variables, IReadOnlyDictionary<string, string>? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var bound = Bind(table, variables, null, mapping, null);
        Rows(table, bound, MissingValuePolicy.Error);
        int m = bound.Count;
        var values = new double[table.RowCount * m];
        for (int i = 0; i < table.RowCount; i++)
            for (int j = 0; j < m; j++) values[i * m + j] = bound[j].Values[i];
        return values;
    }

    private sealed record Bound(string Role, string Column, ImmutableArray<double> Values);

    /// <summary>The used columns in order: the variables, then the target, then the weight column.</summary>
    private static List<Bound> Bind(RunTable table, IReadOnlyList<string> variables, string? target,
        IReadOnlyDictionary<string, string>? mapping, string? weightColumn)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var duplicate = variables.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Variable '{duplicate.Key}' is listed twice.", nameof(variables));
        mapping ??= ImmutableDictionary<string, string>.Empty;
        foreach (var key in mapping.Keys)
            if (!variables.Contains(key, StringComparer.Ordinal))
                throw new DataException(
                    $"the column mapping names '{key}', which is not a variable of the law (variables: {string.Join(", ", variables)}).");
        var bound = new List<Bound>(variables.Count + 2);
        foreach (var variable in variables)
        {
            bool mapped = mapping.TryGetValue(variable, out var column);
            column ??= variable;
            if (!table.HasColumn(column))
            {
                string purpose = mapped ? $"(variable '{variable}' is mapped to it)" : $"for variable '{variable}'";
                throw new DataException(ColumnSuggestions.NoColumn(column, table.ColumnNames, purpose)
                    + $" Map the variable to a column, e.g. {variable}=<column>.", table.Name);
            }
            bound.Add(new Bound($"variable '{variable}'", column, table.Numeric(column)));
        }
        if (target is not null) bound.Add(new Bound("target", target, table.Numeric(target)));
        if (weightColumn is not null) bound.Add(new Bound("weight", weightColumn, table.Numeric(weightColumn)));
        return bound;
    }

    /// <summary>The missing-value rule, applied row by row.</summary>
    private static ImmutableArray<int> Rows(RunTable table, List<Bound> bound, MissingValuePolicy missing)
    {
        var rows = ImmutableArray.CreateBuilder<int>(table.RowCount);
        for (int i = 0; i < table.RowCount; i++)
        {
            Bound? absent = null;
            foreach (var b in bound)
            {
                double value = b.Values[i];
                if (double.IsNaN(value)) { absent ??= b; continue; }
                if (double.IsInfinity(value))
                    throw new DataException($"value {Invariant.Format(value)} in column '{b.Column}' ({b.Role}) is not finite.",
                        table.Sources[i].File, table.Sources[i].Line);
                if (b.Role == "weight" && value < 0)
                    throw new DataException($"weight {Invariant.Format(value)} in column '{b.Column}' is negative; weights must be ≥ 0.",
                        table.Sources[i].File, table.Sources[i].Line);
            }
            if (absent is null) rows.Add(i);
            else if (missing == MissingValuePolicy.Error)
                throw new DataException(
                    $"missing value in column '{absent.Column}' ({absent.Role}); fill it in, or drop such rows (MissingValuePolicy.DropRow).",
                    table.Sources[i].File, table.Sources[i].Line);
        }
        return rows.DrainToImmutable();
    }
}
