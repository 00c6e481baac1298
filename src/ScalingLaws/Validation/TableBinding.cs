using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>Binds a law to chosen rows of a table, honouring the validation options.</summary>
internal static class TableBinding
{
    /// <summary>The columns a law, target and weight read.</summary>
    public static List<string> Columns(IScalingLaw law, string target, ValidationOptions options)
    {
        var columns = law.Variables.Select(v => options.Mapping.TryGetValue(v, out var c) ? c : v).ToList();
        columns.Add(target);
        if (options.WeightColumn is not null) columns.Add(options.WeightColumn);
        return columns;
    }

    /// <summary>
    /// The rows that can be used: all rows with <see cref="MissingValuePolicy.Error"/> (a missing value then
    /// fails when binding, with its file and line), else the rows with no missing value in the used columns.
    /// </summary>
    public static int[] UsableRows(RunTable table, IEnumerable<string> columns, ValidationOptions options)
    {
        if (options.Missing == MissingValuePolicy.Error) return Enumerable.Range(0, table.RowCount).ToArray();
        var used = columns.Distinct(StringComparer.Ordinal).Where(table.HasColumn).Select(table.Column).ToList();
        return Enumerable.Range(0, table.RowCount).Where(i => used.All(c => !c.IsMissing(i))).ToArray();
    }

    /// <summary>The fit data of the given rows (in the given order).</summary>
    public static FitData Bind(RunTable table, IReadOnlyList<int> rows, IScalingLaw law, string target, ValidationOptions options) =>
        table.Where(rows).ToFitData(law.Variables, target, options.Mapping, options.WeightColumn, MissingValuePolicy.Error);

    /// <summary>Drops from a split the rows that are not usable.</summary>
    public static HoldOutSplit Restrict(HoldOutSplit split, IReadOnlyCollection<int> usable)
    {
        if (usable.Count == split.RowCount) return split;
        var set = usable as ISet<int> ?? usable.ToHashSet();
        return new HoldOutSplit(split.RowCount, split.FitRows.Where(set.Contains), split.TestRows.Where(set.Contains));
    }
}
