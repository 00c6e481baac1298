using ScalingLaws.Design;
using ScottPlot;

namespace ScalingLaws.Plotting.Design;

/// <summary>Decision error against the number of runs: median over seeds (line) and interquartile range (band) for chosen and random runs.</summary>
public static class DesignSimulationFigure
{
    /// <summary>Draws the two curves.</summary>
    /// <param name="result">The simulation.</param>
    /// <param name="errorLabel">The y-axis label, e.g. <c>|N̂_opt/N_opt − 1|</c>.</param>
    /// <param name="threshold">An error level to mark with a horizontal line, or null.</param>
    /// <param name="options">Figure options; null for the defaults.</param>
    public static Plot Create(DesignSimulationResult result, string errorLabel, double? threshold = null, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = FigureStyle.Create(options, FigureStyle.Invariant($"Error of the decision, {result.Chosen.Length} seeds"), "Runs trained", errorLabel);
        var xs = result.RunCounts.Select(n => (double)n).ToArray();
        Curve(plot, xs, result.Chosen, "next runs (design --next)", FigureStyle.Category(3));
        Curve(plot, xs, result.Random, "random runs", FigureStyle.Category(0));
        if (threshold is double t)
        {
            var line = plot.Add.HorizontalLine(t);
            line.LineColor = FigureStyle.ReferenceLine;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = FigureStyle.Invariant($"target error {t:G3}");
        }
        FigureStyle.LegendInside(plot, Alignment.UpperRight);
        return plot;
    }

    private static void Curve(Plot plot, double[] xs, IReadOnlyList<System.Collections.Immutable.ImmutableArray<double>> curves, string name, Color color)
    {
        double Quantile(int p, double q)
        {
            var v = curves.Select(c => Math.Min(c[p], 1e6)).Order().ToArray();
            double pos = q * (v.Length - 1);
            int i = (int)Math.Floor(pos);
            return i + 1 < v.Length ? v[i] + (pos - i) * (v[i + 1] - v[i]) : v[i];
        }
        var median = xs.Select((_, p) => Quantile(p, 0.5)).ToArray();
        var low = xs.Select((_, p) => Quantile(p, 0.25)).ToArray();
        var high = xs.Select((_, p) => Quantile(p, 0.75)).ToArray();
        var band = plot.Add.FillY(xs, low, high);
        band.FillColor = color.WithAlpha(0.18);
        band.LineWidth = 0;
        var line = plot.Add.Scatter(xs, median);
        line.Color = color;
        line.LineWidth = FigureStyle.LineWidth;
        line.MarkerSize = FigureStyle.PointSize;
        line.LegendText = name + " (median, quartiles)";
    }
}
