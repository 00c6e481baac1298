using ScalingLaws.Data;

namespace ScalingLaws.Plotting.Fits;

/// <summary>Rows split into groups by a column: distinct values, or bins when a numeric column has too many.</summary>
internal sealed class Grouping : List<Grouping.Group>
{
    /// <param name="Name">Legend text.</param>
    /// <param name="Members">Positions in the kept-row list.</param>
    /// <param name="Representative">The group's value of the column (numeric groups).</param>
    internal sealed record Group(string Name, List<int> Members, double? Representative);

    /// <summary>Whether the groups follow a numeric order.</summary>
    public bool Ordered { get; private init; }

    /// <param name="table">The table.</param>
    /// <param name="rows">Kept rows (indices into <paramref name="table"/>).</param>
    /// <param name="column">Group column; <c>null</c> for one group.</param>
    /// <param name="maxGroups">Most groups.</param>
    public static Grouping Build(RunTable table, IReadOnlyList<int> rows, string? column, int maxGroups)
    {
        if (column is null)
            return new Grouping { Ordered = false }.With(new Group("observed runs", [.. Enumerable.Range(0, rows.Count)], null));
        var runColumn = table.Column(column);
        if (runColumn.Kind == ColumnKind.Text)
        {
            var grouping = new Grouping { Ordered = false };
            foreach (var g in Enumerable.Range(0, rows.Count).GroupBy(k => runColumn.Texts[rows[k]] ?? ""))
                grouping.Add(new Group($"{column} = {(g.Key.Length == 0 ? "(missing)" : g.Key)}", [.. g], null));
            return grouping;
        }

        var values = rows.Select(i => runColumn.Numbers[i]).ToArray();
        var present = Enumerable.Range(0, rows.Count).Where(k => double.IsFinite(values[k])).ToList();
        var distinct = present.Select(k => values[k]).Distinct().Order().ToArray();
        var result = new Grouping { Ordered = true };
        if (distinct.Length <= maxGroups)
        {
            foreach (double v in distinct)
                result.Add(new Group($"{column} = {PlotNumber.Format(v)}", [.. present.Where(k => values[k] == v)], v));
            return result;
        }

        double lo = distinct[0], hi = distinct[^1];
        bool log = lo > 0;
        double a = log ? Math.Log(lo) : lo, b = log ? Math.Log(hi) : hi;
        var bins = new List<int>[maxGroups];
        for (int i = 0; i < maxGroups; i++) bins[i] = [];
        foreach (int k in present)
        {
            double t = ((log ? Math.Log(values[k]) : values[k]) - a) / (b - a);
            bins[Math.Clamp((int)Math.Floor(t * maxGroups), 0, maxGroups - 1)].Add(k);
        }
        foreach (var members in bins.Where(m => m.Count > 0))
        {
            double representative = log
                ? Math.Exp(members.Average(k => Math.Log(values[k])))
                : members.Average(k => values[k]);
            result.Add(new Group($"{column} ≈ {PlotNumber.Format(representative, 2)}", members, representative));
        }
        return result;
    }

    private Grouping With(Group group)
    {
        Add(group);
        return this;
    }
}
