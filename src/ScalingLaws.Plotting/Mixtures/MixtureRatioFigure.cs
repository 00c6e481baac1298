using ScottPlot;

namespace ScalingLaws.Plotting.Mixtures;

/// <summary>
/// Losses against the share of one domain in a two-domain mixture (e.g. general and domain loss in continual
/// pre-training), with the feasible shares shaded, the loss limit drawn and the critical mixture ratio (CMR) marked.
/// </summary>
public static class MixtureRatioFigure
{
    /// <summary>Draws the curves.</summary>
    /// <param name="curves">The curves (general loss first is customary).</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">A curve's arrays have different lengths.</exception>
    public static Plot Create(IReadOnlyList<RatioCurve> curves, MixtureRatioOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        options ??= new MixtureRatioOptions();
        foreach (var c in curves)
        {
            if (c.Ratios.Length != c.Losses.Length)
                throw new ArgumentException($"Curve '{c.Name}' has {c.Ratios.Length} shares and {c.Losses.Length} losses.", nameof(curves));
            if (c.ObservedRatios.Length != c.ObservedLosses.Length)
                throw new ArgumentException($"Curve '{c.Name}' has {c.ObservedRatios.Length} observed shares and {c.ObservedLosses.Length} losses.", nameof(curves));
        }
        var plot = FigureStyle.Create(options, "Loss vs mixture ratio", $"Share of {options.DomainName} in the training mix (fraction)", AxisLabels.Loss);

        if (options.Feasible is { } feasible && feasible.Upper >= feasible.Lower)
        {
            var span = plot.Add.HorizontalSpan(feasible.Lower, feasible.Upper, FigureStyle.FeasibleShade);
            span.LineWidth = 0;
            span.LegendText = $"{options.FeasibleLabel}: {PlotNumber.Format(feasible.Lower)} to {PlotNumber.Format(feasible.Upper)}";
        }
        for (int k = 0; k < curves.Count; k++)
        {
            var curve = curves[k];
            var color = FigureStyle.Category(k);
            var keep = Enumerable.Range(0, curve.Ratios.Length).Where(i => double.IsFinite(curve.Ratios[i]) && double.IsFinite(curve.Losses[i])).ToArray();
            var line = plot.Add.ScatterLine(keep.Select(i => curve.Ratios[i]).ToArray(), keep.Select(i => curve.Losses[i]).ToArray(), color);
            line.LineWidth = FigureStyle.LineWidth + 0.5f;
            line.LegendText = curve.Name;
            if (curve.ObservedRatios.Length > 0)
            {
                var points = plot.Add.ScatterPoints(curve.ObservedRatios.ToArray(), curve.ObservedLosses.ToArray(), color);
                points.MarkerSize = FigureStyle.PointSize + 1;
                points.LegendText = $"{curve.Name}, observed";
            }
        }
        if (options.CriticalRatio is { } cmr && options.CriticalLoss is { } atCmr)
        {
            var point = plot.Add.Marker(cmr, atCmr, MarkerShape.FilledDiamond, 14, FigureStyle.Highlight);
            point.MarkerLineColor = Colors.White;
            point.MarkerLineWidth = 1.5f;
        }
        // Dashed lines last: ScottPlot reuses one paint, and a dash effect drawn earlier leaks into filled markers.
        if (options.LossLimit is { } limit)
        {
            var line = plot.Add.HorizontalLine(limit, 1.5f, FigureStyle.ReferenceLine, LinePattern.Dotted);
            line.LegendText = $"loss limit {PlotNumber.Format(limit, 4)}";
        }
        if (options.CriticalRatio is { } ratio)
        {
            var line = plot.Add.VerticalLine(ratio, 2, FigureStyle.Highlight, LinePattern.Dashed);
            line.LegendText = $"critical mixture ratio {PlotNumber.Format(ratio)}";
        }
        plot.Axes.AutoScaleY();
        plot.Axes.SetLimitsX(-0.02, 1.02);
        FigureStyle.LegendRight(plot);
        return plot;
    }
}
