using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScottPlot;

namespace ScalingLaws.Plotting.Fits;

/// <summary>
/// Residuals of a fit against a variable or against the predicted loss, in the fit's residual space:
/// ln(predicted / observed) for fits in log space, predicted − observed (nats/token) otherwise, the
/// sign convention of <see cref="FitStatistics"/>. A dashed line marks zero and dotted lines ±RMSE of the fitted runs.
/// </summary>
public static class ResidualsFigure
{
    /// <summary>Draws the residuals of <paramref name="fit"/> on <paramref name="fitted"/> (and <paramref name="heldOut"/>).</summary>
    /// <param name="fit">The fit.</param>
    /// <param name="fitted">The runs used in the fit.</param>
    /// <param name="against">A column for the x axis (e.g. <c>N</c>); <c>null</c> (default) plots against the predicted loss.</param>
    /// <param name="heldOut">Runs left out of the fit; <c>null</c> for none.</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="DataException">A column is missing or holds text.</exception>
    public static Plot Create(FitResult fit, RunTable fitted, string? against = null, RunTable? heldOut = null, ResidualOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(fitted);
        options ??= new ResidualOptions();
        var series = new List<ResidualSeries>
        {
            Series(fit, fitted, against, options, heldOut is null ? "runs" : "fitted runs", heldOut: false),
        };
        if (heldOut is not null) series.Add(Series(fit, heldOut, against, options, "held-out runs", heldOut: true));
        string yLabel = fit.Space == ResidualSpace.Log ? "Residual ln(predicted / observed)" : "Residual predicted − observed (nats/token)";
        string xLabel = against is null ? "Predicted loss (nats/token)" : AxisLabels.For(against, fit.Law);
        return Create(series, options with
        {
            Title = options.Title ?? $"{FitCurvesFigure.LawTitle(fit)}: residuals vs {(against ?? "predicted loss")}",
            XLabel = options.XLabel ?? xLabel,
            YLabel = options.YLabel ?? yLabel,
        });
    }

    /// <summary>Draws prepared residual series.</summary>
    /// <param name="series">The series; the first non-held-out one sets the ±RMSE lines.</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">A series has x and residual arrays of different lengths.</exception>
    public static Plot Create(IReadOnlyList<ResidualSeries> series, ResidualOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new ResidualOptions();
        foreach (var s in series)
            if (s.X.Length != s.Residuals.Length)
                throw new ArgumentException($"Series '{s.Name}' has {s.X.Length} x values and {s.Residuals.Length} residuals.", nameof(series));
        var allX = series.SelectMany(s => s.X).Where(double.IsFinite).ToArray();
        bool log = options.LogX ?? (allX.Length > 0 && allX.All(v => v > 0) && allX.Max() / allX.Min() > 30);
        Func<double, double> f = log ? Math.Log10 : v => v;
        var plot = FigureStyle.Create(options, "Residuals", "x", "Residual");
        if (log) FigureStyle.Log(plot.Axes.Bottom);

        int fittedIndex = 0;
        foreach (var s in series)
        {
            var keep = Enumerable.Range(0, s.X.Length)
                .Where(i => double.IsFinite(s.X[i]) && double.IsFinite(s.Residuals[i]) && (!log || s.X[i] > 0)).ToArray();
            // Fitted series: blue, then green, red, …; held-out series: orange.
            var color = s.HeldOut ? FigureStyle.Category(1) : FigureStyle.Category(fittedIndex == 0 ? 0 : fittedIndex + 1);
            if (!s.HeldOut) fittedIndex++;
            var points = plot.Add.ScatterPoints(keep.Select(i => f(s.X[i])).ToArray(), keep.Select(i => s.Residuals[i]).ToArray(), color);
            points.MarkerShape = s.HeldOut ? MarkerShape.OpenDiamond : MarkerShape.FilledCircle;
            points.MarkerSize = s.HeldOut ? FigureStyle.PointSize + 3 : FigureStyle.PointSize;
            if (s.HeldOut) points.MarkerLineWidth = 2;
            points.LegendText = $"{s.Name} (n = {keep.Length})";
        }
        // Reference lines after the markers: a dash effect drawn earlier leaks into filled markers (ScottPlot reuses one paint).
        plot.Add.HorizontalLine(0, 1.5f, FigureStyle.ReferenceLine, LinePattern.Dashed);
        var reference = series.FirstOrDefault(s => !s.HeldOut);
        if (reference is not null)
        {
            var r = reference.Residuals.Where(double.IsFinite).ToArray();
            if (r.Length > 0)
            {
                double rmse = Math.Sqrt(r.Average(v => v * v));
                var upper = plot.Add.HorizontalLine(rmse, 1, FigureStyle.ReferenceLine, LinePattern.Dotted);
                upper.LegendText = $"±RMSE ({PlotNumber.Format(rmse)})";
                plot.Add.HorizontalLine(-rmse, 1, FigureStyle.ReferenceLine, LinePattern.Dotted);
            }
        }
        var maxAbs = series.SelectMany(s => s.Residuals).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(1).Max();
        if (maxAbs == 0) maxAbs = 1;
        plot.Axes.AutoScaleX();
        plot.Axes.SetLimitsY(-1.15 * maxAbs, 1.15 * maxAbs);
        FigureStyle.LegendInside(plot, Alignment.UpperRight);
        return plot;
    }

    private static ResidualSeries Series(FitResult fit, RunTable table, string? against, ResidualOptions options, string name, bool heldOut)
    {
        var binding = FittedRows.Bind(fit, table, options);
        double[] x;
        if (against is null) x = binding.Predicted;
        else
        {
            var column = table.Numeric(options.ColumnMapping.TryGetValue(against, out var mapped) ? mapped : against);
            x = binding.Rows.Select(i => column[i]).ToArray();
        }
        return new ResidualSeries(name, [.. x], [.. binding.Residuals()], heldOut);
    }
}
