using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScottPlot;

namespace ScalingLaws.Plotting.Fits;

/// <summary>Predicted against observed loss, with the line y = x; held-out runs drawn distinctly.</summary>
public static class ParityFigure
{
    /// <summary>Draws the fit's predictions for the runs it was fitted on and, optionally, for held-out runs.</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="fitted">The runs used in the fit.</param>
    /// <param name="heldOut">Runs left out of the fit; <c>null</c> for none.</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="DataException">A column is missing or holds text.</exception>
    public static Plot Create(FitResult fit, RunTable fitted, RunTable? heldOut = null, ParityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(fitted);
        options ??= new ParityOptions();
        var series = new List<ParitySeries>();
        var a = FittedRows.Bind(fit, fitted, options);
        series.Add(new ParitySeries(heldOut is null ? "runs" : "fitted runs", [.. a.Observed], [.. a.Predicted]));
        if (heldOut is not null)
        {
            var b = FittedRows.Bind(fit, heldOut, options);
            series.Add(new ParitySeries("held-out runs", [.. b.Observed], [.. b.Predicted], HeldOut: true));
        }
        return Create(series, options with { Title = options.Title ?? $"{FitCurvesFigure.LawTitle(fit)}: predicted vs observed" });
    }

    /// <summary>Draws prepared series.</summary>
    /// <param name="series">The series; fitted runs first is customary.</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">A series has observed and predicted arrays of different lengths.</exception>
    public static Plot Create(IReadOnlyList<ParitySeries> series, ParityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new ParityOptions();
        foreach (var s in series)
            if (s.Observed.Length != s.Predicted.Length)
                throw new ArgumentException($"Series '{s.Name}' has {s.Observed.Length} observed and {s.Predicted.Length} predicted values.", nameof(series));
        bool log = options.LogScale;
        Func<double, double> f = log ? Math.Log10 : v => v;
        var plot = FigureStyle.Create(options, "Predicted vs observed loss", "Observed loss (nats/token)", "Predicted loss (nats/token)");
        if (log)
        {
            FigureStyle.Log(plot.Axes.Bottom);
            FigureStyle.Log(plot.Axes.Left);
        }

        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        int fittedIndex = 0;
        foreach (var s in series)
        {
            var keep = Enumerable.Range(0, s.Observed.Length)
                .Where(i => double.IsFinite(s.Observed[i]) && double.IsFinite(s.Predicted[i]) && (!log || (s.Observed[i] > 0 && s.Predicted[i] > 0)))
                .ToArray();
            var xs = keep.Select(i => f(s.Observed[i])).ToArray();
            var ys = keep.Select(i => f(s.Predicted[i])).ToArray();
            // Fitted series: blue, then green, red, …; held-out series: orange.
            var color = s.HeldOut ? FigureStyle.Category(1) : FigureStyle.Category(fittedIndex == 0 ? 0 : fittedIndex + 1);
            if (!s.HeldOut) fittedIndex++;
            var points = plot.Add.ScatterPoints(xs, ys, color);
            points.MarkerShape = s.HeldOut ? MarkerShape.OpenDiamond : MarkerShape.FilledCircle;
            points.MarkerSize = s.HeldOut ? FigureStyle.PointSize + 3 : FigureStyle.PointSize;
            if (s.HeldOut) points.MarkerLineWidth = 2;
            points.LegendText = options.ShowErrors && keep.Length > 0
                ? $"{s.Name} (n = {keep.Length}, mean |error| {PlotNumber.Percent(keep.Average(i => Math.Abs(s.Predicted[i] - s.Observed[i]) / Math.Abs(s.Observed[i])))})"
                : s.Name;
            if (xs.Length > 0)
            {
                lo = Math.Min(lo, Math.Min(xs.Min(), ys.Min()));
                hi = Math.Max(hi, Math.Max(xs.Max(), ys.Max()));
            }
        }
        if (!double.IsFinite(lo)) (lo, hi) = (0, 1);
        if (hi <= lo) (lo, hi) = (lo - 0.5, hi + 0.5);
        double pad = 0.05 * (hi - lo);
        lo -= pad;
        hi += pad;
        // Dashed lines go after the markers: ScottPlot reuses one paint, and a dash effect drawn earlier leaks into filled markers.
        var identity = plot.Add.Line(lo, lo, hi, hi);
        identity.LineColor = FigureStyle.ReferenceLine;
        identity.LinePattern = LinePattern.Dashed;
        identity.LineWidth = 1.5f;
        identity.LegendText = "y = x";
        plot.Axes.SetLimits(lo, hi, lo, hi);
        FigureStyle.LegendInside(plot, Alignment.UpperLeft);
        return plot;
    }
}
