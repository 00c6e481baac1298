using ScottPlot;

using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Plotting.Mixtures;

/// <summary>The Pareto front of domain loss against general loss over mixtures, with optional candidates and the chosen mixture.</summary>
public static class ParetoFrontFigure
{
    /// <summary>Draws the front.</summary>
    /// <param name="front">Non-dominated mixtures (any order; joined in order of general loss).</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    public static Plot Create(IReadOnlyList<ParetoPoint> front, ParetoFrontOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(front);
        options ??= new ParetoFrontOptions();
        var plot = FigureStyle.Create(options, "Pareto front: domain vs general loss",
            $"Loss on {options.GeneralName} data (nats/token)", $"Loss on {options.DomainName} data (nats/token)");
        static bool Finite(ParetoPoint p) => double.IsFinite(p.GeneralLoss) && double.IsFinite(p.DomainLoss);

        var candidates = options.Candidates.Where(Finite).ToArray();
        if (candidates.Length > 0)
        {
            var grey = plot.Add.ScatterPoints(candidates.Select(p => p.GeneralLoss).ToArray(), candidates.Select(p => p.DomainLoss).ToArray(),
                Color.FromHex("#9E9E9E").WithAlpha(0.7));
            grey.MarkerSize = FigureStyle.PointSize - 1;
            grey.LegendText = "candidate mixtures";
        }
        var points = front.Where(Finite).OrderBy(p => p.GeneralLoss).ThenByDescending(p => p.DomainLoss).ToArray();
        if (points.Length > 0)
        {
            var line = plot.Add.Scatter(points.Select(p => p.GeneralLoss).ToArray(), points.Select(p => p.DomainLoss).ToArray(), FigureStyle.Category(0));
            line.LineWidth = FigureStyle.LineWidth;
            line.MarkerSize = FigureStyle.PointSize + 1;
            line.LegendText = "Pareto front";
            foreach (var p in points.Where(p => !string.IsNullOrEmpty(p.Label)))
            {
                var text = plot.Add.Text(p.Label!, p.GeneralLoss, p.DomainLoss);
                text.LabelFontName = PlotFonts.FamilyName;
                text.LabelFontSize = FigureStyle.TickSize - 1;
                text.LabelAlignment = Alignment.LowerLeft;
                text.LabelOffsetX = 6;
                text.LabelOffsetY = -4;
                text.LabelFontColor = Color.FromHex("#333333");
            }
        }
        if (options.Chosen is { } chosen && Finite(chosen))
        {
            var marker = plot.Add.Marker(chosen.GeneralLoss, chosen.DomainLoss, MarkerShape.FilledDiamond, 16, FigureStyle.Highlight);
            marker.MarkerLineColor = Colors.White;
            marker.MarkerLineWidth = 2;
            marker.LegendText = "chosen" + (string.IsNullOrEmpty(chosen.Label) ? "" : $" ({chosen.Label})") +
                                $": {options.GeneralName} {PlotNumber.Format(chosen.GeneralLoss, 4)}, {options.DomainName} {PlotNumber.Format(chosen.DomainLoss, 4)}";
        }
        plot.Axes.Margins(0.12, 0.1);
        FigureStyle.LegendInside(plot, Alignment.UpperRight);
        return plot;
    }
}
