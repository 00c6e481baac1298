using ScalingLaws.Fitting;
using ScalingLaws.Plotting.Fits;
using ScottPlot;

namespace ScalingLaws.Plotting.Compute;

/// <summary>
/// The compute-optimal frontier: N_opt(C) and D_opt(C) on log–log axes, with interval bands when given,
/// observed optima and named reference models.
/// </summary>
public static class ComputeFrontierFigure
{
    /// <summary>The frontier of a fitted law between two budgets (the loss minimised over N at each C = k·N·D).</summary>
    /// <param name="fit">A fit of a law in N and D.</param>
    /// <param name="minCompute">Smallest budget C (FLOP), positive.</param>
    /// <param name="maxCompute">Largest budget C (FLOP), above <paramref name="minCompute"/>.</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">The law lacks the N or D variable or needs held values, or the budgets are not an increasing positive range.</exception>
    public static Plot Create(FitResult fit, double minCompute, double maxCompute, ComputeFrontierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= new ComputeFrontierOptions();
        if (!(minCompute > 0) || !(maxCompute > minCompute) || !double.IsFinite(maxCompute))
            throw new ArgumentException(
                $"The compute range [{PlotNumber.Format(minCompute)}, {PlotNumber.Format(maxCompute)}] must be positive and increasing.", nameof(minCompute));
        if (options.CurvePoints < 2) throw new ArgumentOutOfRangeException(nameof(options), options.CurvePoints, "CurvePoints must be at least 2.");
        var model = new ComputeModel(fit, options);
        var frontier = FitCurvesFigure.Grid(minCompute, maxCompute, options.CurvePoints, log: true).Select(model.Optimum).ToList();
        return Create(frontier, options with { Title = options.Title ?? $"{FitCurvesFigure.LawTitle(fit)}: compute-optimal allocation" });
    }

    /// <summary>Draws a prepared frontier.</summary>
    /// <param name="frontier">Compute-optimal points (any order; sorted by compute).</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    public static Plot Create(IReadOnlyList<ComputeOptimalPoint> frontier, ComputeFrontierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        options ??= new ComputeFrontierOptions();
        var plot = FigureStyle.Create(options, "Compute-optimal allocation", AxisLabels.For("C"), "Parameters N_opt, tokens D_opt");
        FigureStyle.Log(plot.Axes.Bottom);
        FigureStyle.Log(plot.Axes.Left);
        var points = frontier.Where(p => p.Compute > 0 && p.Parameters > 0 && p.Tokens > 0).OrderBy(p => p.Compute).ToArray();
        var nColor = FigureStyle.Category(0);
        var dColor = FigureStyle.Category(1);
        var cs = FigureStyle.Log10(points.Select(p => p.Compute));

        Band(plot, points, cs, p => p.ParametersLower, p => p.ParametersUpper, nColor, "N_opt interval");
        Band(plot, points, cs, p => p.TokensLower, p => p.TokensUpper, dColor, "D_opt interval");
        var n = plot.Add.ScatterLine(cs, FigureStyle.Log10(points.Select(p => p.Parameters)), nColor);
        n.LineWidth = FigureStyle.LineWidth + 0.5f;
        n.LegendText = "parameters N_opt(C)";
        var d = plot.Add.ScatterLine(cs, FigureStyle.Log10(points.Select(p => p.Tokens)), dColor);
        d.LineWidth = FigureStyle.LineWidth + 0.5f;
        d.LegendText = "tokens D_opt(C)";

        if (!options.Observed.IsEmpty)
        {
            var observed = options.Observed.Where(p => p.Compute > 0 && p.Parameters > 0 && p.Tokens > 0).ToArray();
            var oc = FigureStyle.Log10(observed.Select(p => p.Compute));
            var on = plot.Add.ScatterPoints(oc, FigureStyle.Log10(observed.Select(p => p.Parameters)), nColor);
            on.MarkerShape = MarkerShape.OpenCircle;
            on.MarkerSize = 9;
            on.MarkerLineWidth = 1.5f;
            on.LegendText = "observed N_opt";
            var od = plot.Add.ScatterPoints(oc, FigureStyle.Log10(observed.Select(p => p.Tokens)), dColor);
            od.MarkerShape = MarkerShape.OpenSquare;
            od.MarkerSize = 9;
            od.MarkerLineWidth = 1.5f;
            od.LegendText = "observed D_opt";
        }
        int r = 0;
        foreach (var reference in options.References.Where(p => p.Compute > 0 && p.Parameters > 0 && p.Tokens > 0))
        {
            var color = FigureStyle.Category(3 + r++);
            double x = Math.Log10(reference.Compute);
            var link = plot.Add.ScatterLine(new[] { x, x }, new[] { Math.Log10(reference.Parameters), Math.Log10(reference.Tokens) }, color.WithAlpha(0.6));
            link.LineWidth = 1;
            var nMark = plot.Add.Marker(x, Math.Log10(reference.Parameters), MarkerShape.FilledTriangleUp, 12, color);
            nMark.LegendText = $"{reference.Name}: ▲ N = {PlotNumber.Format(reference.Parameters)}, ■ D = {PlotNumber.Format(reference.Tokens)}";
            plot.Add.Marker(x, Math.Log10(reference.Tokens), MarkerShape.FilledSquare, 10, color);
        }
        FigureStyle.LegendInside(plot, Alignment.UpperLeft);
        plot.Axes.Margins(0.04, 0.08);
        return plot;
    }

    private static void Band(Plot plot, ComputeOptimalPoint[] points, double[] cs, Func<ComputeOptimalPoint, double?> lower,
        Func<ComputeOptimalPoint, double?> upper, Color color, string label)
    {
        var idx = Enumerable.Range(0, points.Length).Where(i => lower(points[i]) > 0 && upper(points[i]) > 0).ToArray();
        if (idx.Length < 2) return;
        var fill = plot.Add.FillY(idx.Select(i => cs[i]).ToArray(),
            idx.Select(i => Math.Log10(lower(points[i])!.Value)).ToArray(),
            idx.Select(i => Math.Log10(upper(points[i])!.Value)).ToArray());
        fill.FillColor = color.WithAlpha(0.2);
        fill.LineWidth = 0;
        fill.LegendText = label;
    }
}
