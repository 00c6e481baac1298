using ScalingLaws.Design;
using ScalingLaws.Plotting.Mixtures;
using ScottPlot;

namespace ScalingLaws.Plotting.Design;

/// <summary>
/// A run plan: on the simplex for three domains, else as model size against tokens (log–log); the colour of a
/// run is its cost 6·N·D (darker costs more), and proposed next runs are marked in red with their rank.
/// </summary>
public static class RunPlanFigure
{
    /// <summary>Draws the plan.</summary>
    /// <param name="plan">The runs (for next runs: the candidate set).</param>
    /// <param name="proposals">Indices of proposed runs in <paramref name="plan"/>, in rank order (may be empty).</param>
    /// <param name="title">The title; null: a summary of the plan.</param>
    /// <param name="options">Figure options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The plan has neither three domains nor N and D for every run.</exception>
    public static Plot Create(RunPlan plan, IReadOnlyList<int> proposals, string? title = null, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(proposals);
        bool simplex = plan.Domains.Length == 3;
        bool grid = plan.Runs.All(r => r.ModelSize is not null && r.Tokens is not null);
        if (!simplex && !grid) throw new ArgumentException("A plan figure needs three domains (simplex) or N and D for every run.");
        string total = plan.TotalCompute is double c ? FigureStyle.Invariant($", Σ 6ND = {c:G3} FLOP") : "";
        title ??= FigureStyle.Invariant($"{plan.Runs.Length} runs{total}");
        var plot = simplex
            ? FigureStyle.Create(options, title, "", "")
            : FigureStyle.Create(options, title, "Model size N (parameters)", "Training tokens D");
        var costs = plan.Runs.Select(r => r.Compute ?? 0).ToArray();
        double lo = costs.Where(v => v > 0).DefaultIfEmpty(1).Min(), hi = costs.Where(v => v > 0).DefaultIfEmpty(1).Max();
        Coordinates Place(PlannedRun run) => simplex
            ? TernaryLossFigure.Point(run.Weights[0], run.Weights[1], run.Weights[2])
            : new Coordinates(Math.Log10(run.ModelSize!.Value), Math.Log10(run.Tokens!.Value));
        if (simplex)
        {
            var outline = plot.Add.Polygon([TernaryLossFigure.Point(1, 0, 0), TernaryLossFigure.Point(0, 1, 0), TernaryLossFigure.Point(0, 0, 1)]);
            outline.FillStyle.Color = Colors.Transparent;
            outline.LineStyle.Color = FigureStyle.ReferenceLine;
            Corner(plot, plan.Domains[0], TernaryLossFigure.Point(1, 0, 0), Alignment.UpperCenter, -0.04);
            Corner(plot, plan.Domains[1], TernaryLossFigure.Point(0, 1, 0), Alignment.UpperCenter, -0.04);
            Corner(plot, plan.Domains[2], TernaryLossFigure.Point(0, 0, 1), Alignment.LowerCenter, 0.04);
            plot.Axes.Frameless();
            plot.HideGrid();
            plot.Axes.SetLimits(-0.1, 1.1, -0.12, 1.0);
        }
        else
        {
            FigureStyle.Log(plot.Axes.Bottom);
            FigureStyle.Log(plot.Axes.Left);
        }
        for (int i = 0; i < plan.Runs.Length; i++)
        {
            double share = hi > lo && costs[i] > 0 ? (Math.Log(costs[i]) - Math.Log(lo)) / (Math.Log(hi) - Math.Log(lo)) : 0.5;
            var color = Colors.Blue.WithAlpha(0.25 + 0.6 * share);
            plot.Add.Marker(Place(plan.Runs[i]), MarkerShape.FilledCircle, FigureStyle.PointSize + 2, color);
        }
        for (int rank = 0; rank < proposals.Count; rank++)
        {
            var at = Place(plan.Runs[proposals[rank]]);
            var marker = plot.Add.Marker(at, MarkerShape.OpenCircle, 16, FigureStyle.Highlight);
            marker.MarkerStyle.LineWidth = 2.5f;
            if (rank == 0) marker.LegendText = "proposed next runs (rank)";
            var label = plot.Add.Text((rank + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), at.X, at.Y);
            label.LabelFontColor = FigureStyle.Highlight;
            label.LabelFontSize = FigureStyle.TickSize;
            label.LabelOffsetX = 9;
            label.LabelOffsetY = -9;
        }
        var legend = plot.Add.Marker(Place(plan.Runs[0]), MarkerShape.FilledCircle, FigureStyle.PointSize + 2, Colors.Blue.WithAlpha(0.6));
        legend.LegendText = hi > lo ? FigureStyle.Invariant($"run (darker: more compute, {lo:G2} to {hi:G2} FLOP)") : "run";
        FigureStyle.LegendInside(plot, Alignment.UpperRight);
        return plot;
    }

    private static void Corner(Plot plot, string text, Coordinates at, Alignment alignment, double dy)
    {
        var label = plot.Add.Text(text, at.X, at.Y + dy);
        label.LabelFontSize = FigureStyle.LabelSize;
        label.LabelAlignment = alignment;
    }
}
