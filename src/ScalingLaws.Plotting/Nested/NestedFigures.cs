using System.Collections.Immutable;
using ScalingLaws.Nested;
using ScalingLaws.Plotting.Fits;
using ScalingLaws.Plotting.Mixtures;
using ScalingLaws.Plotting.Reports;
using ScalingLaws.Optimization.Mixtures;
using ScottPlot;

namespace ScalingLaws.Plotting.Nested;

/// <summary>
/// Figures of a nested prediction, one per stage: the step-law extrapolations, the size-law extrapolation, the
/// predicted against the observed losses at the target, and the optimal weights with their intervals; and a report
/// holding them with the stage summary.
/// </summary>
public static class NestedFigures
{
    /// <summary>Stage 1: each run's first-target loss against the step (points) and its step law up to the target step (lines), coloured by size.</summary>
    /// <param name="fit">The nested fit.</param>
    /// <param name="target">Index of the target to draw; default 0.</param>
    public static Plot StepLaws(NestedFit fit, int target = 0)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var o = fit.Options;
        var plot = FigureStyle.Create(null, $"Step laws of {o.Targets[target]}, extrapolated to step {NumberOf(o.TargetStep)}", "step", o.Targets[target]);
        var sizes = fit.SizeLaw.Sizes;
        foreach (var group in fit.StepLaws)
            for (int r = 0; r < group.Runs.Length; r++)
            {
                var run = group.Runs[r];
                var color = FigureStyle.Ordered(sizes.IndexOf(run.ModelSize), sizes.Length);
                var points = plot.Add.ScatterPoints(FigureStyle.Log10(run.Steps), [.. run.Losses[target]]);
                points.Color = color.WithAlpha(0.6); points.MarkerSize = 3;
                int curves = group.Runs.Length * o.Targets.Length, c = r * o.Targets.Length + target;
                var xs = Grid(run.Steps[0], o.TargetStep);
                var line = plot.Add.ScatterLine(FigureStyle.Log10(xs), [.. xs.Select(x => Curve(group.Fit.Values, curves, c, x))]);
                line.Color = color.WithAlpha(0.5); line.LineWidth = 1;
            }
        for (int k = 0; k < sizes.Length; k++)
        {
            var marker = plot.Add.ScatterPoints(new double[] { double.NaN }, new double[] { double.NaN });
            marker.Color = FigureStyle.Ordered(k, sizes.Length); marker.LegendText = "N = " + NumberOf(sizes[k]);
        }
        var v = plot.Add.VerticalLine(Math.Log10(o.TargetStep));
        v.Color = FigureStyle.ReferenceLine; v.LinePattern = LinePattern.Dashed;
        FigureStyle.Log(plot.Axes.Bottom);
        FigureStyle.LegendRight(plot);
        return plot;
    }

    /// <summary>Stage 2: step-law predictions at the target step against N (points) and each mixture's size law up to N* (lines).</summary>
    /// <param name="fit">The nested fit.</param>
    /// <param name="target">Index of the target to draw; default 0.</param>
    public static Plot SizeLaw(NestedFit fit, int target = 0)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var o = fit.Options;
        var plot = FigureStyle.Create(null, $"Size law of {o.Targets[target]} at step {NumberOf(o.TargetStep)}, extrapolated to N = {NumberOf(o.TargetModelSize)}", "N", o.Targets[target]);
        int targets = o.Targets.Length, curves = fit.Mixtures.Length * targets;
        var xs = Grid(fit.SizeLaw.Sizes[0], o.TargetModelSize);
        for (int m = 0; m < fit.Mixtures.Length; m++)
        {
            var color = FigureStyle.Ordered(m, fit.Mixtures.Length);
            var points = plot.Add.ScatterPoints(FigureStyle.Log10(fit.SizeLaw.Sizes), [.. fit.SizeLaw.Inputs[m][target]]);
            points.Color = color; points.MarkerSize = 4;
            var line = plot.Add.ScatterLine(FigureStyle.Log10(xs), [.. xs.Select(x => Curve(fit.SizeLaw.Fit.Values, curves, m * targets + target, x))]);
            line.Color = color.WithAlpha(0.6); line.LineWidth = 1;
        }
        var v = plot.Add.VerticalLine(Math.Log10(o.TargetModelSize));
        v.Color = FigureStyle.ReferenceLine; v.LinePattern = LinePattern.Dashed;
        FigureStyle.Log(plot.Axes.Bottom);
        return plot;
    }

    /// <summary>Stage 3 at the target: the mixture law's total (or first-target) prediction against the observation, for every mixture with a run at the target.</summary>
    /// <param name="fit">The nested fit.</param>
    /// <param name="predictions">The predictions (only those with observations are drawn).</param>
    public static Plot Parity(NestedFit fit, IReadOnlyList<NestedPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(predictions);
        double Combine(IReadOnlyList<double> v) => fit.Options.TotalWeights.IsEmpty ? v[0] : fit.Total(v);
        var observed = predictions.Where(p => !p.Observed.IsEmpty).ToList();
        var series = new List<ParitySeries>
        {
            new("runs at the target", [.. observed.Select(p => Combine(p.Observed))], [.. observed.Select(p => Combine(p.Model))], HeldOut: true),
        };
        return ParityFigure.Create(series, new ParityOptions { Title = $"Predicted vs observed at N = {NumberOf(fit.Options.TargetModelSize)}, step {NumberOf(fit.Options.TargetStep)}" });
    }

    /// <summary>The optimal weights with their bootstrap intervals (when computed) next to the plan's baselines.</summary>
    /// <param name="plan">The mixture plan.</param>
    public static Plot Weights(MixturePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var optimum = new WeightSet("optimum", plan.Weights);
        if (plan.Uncertainty is { } u)
            optimum = optimum with { Lower = [.. u.WeightIntervals.Select(i => i.Lower)], Upper = [.. u.WeightIntervals.Select(i => i.Upper)] };
        var sets = new List<WeightSet> { optimum };
        sets.AddRange(plan.Baselines.Select(b => new WeightSet(b.Name, b.Baseline.Weights)));
        return MixtureWeightsFigure.Create(plan.Domains, sets, new MixtureWeightsOptions { Title = "Optimal mixture at the target scale" });
    }

    /// <summary>The report: stage summary, optional comparison text, and the figures above; written to <paramref name="directory"/>.</summary>
    /// <param name="directory">Output folder (created).</param>
    /// <param name="fit">The nested fit.</param>
    /// <param name="summary">The stage summary text.</param>
    /// <param name="predictions">Predictions for the parity figure.</param>
    /// <param name="plan">The optimum, or null.</param>
    /// <param name="comparison">Preformatted comparison table, or null.</param>
    public static ReportFiles WriteReport(string directory, NestedFit fit, string summary, IReadOnlyList<NestedPrediction> predictions,
        MixturePlan? plan = null, string? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var report = new ReportBuilder("Nested prediction")
            .Section("Stages").Preformatted(summary)
            .Figure("step-laws", StepLaws(fit), "Stage 1: step laws extrapolated to the target step (first target).")
            .Figure("size-law", SizeLaw(fit), "Stage 2: size laws extrapolated to the target size (first target).");
        if (predictions.Any(p => !p.Observed.IsEmpty))
            report.Figure("target-parity", Parity(fit, predictions), "Predicted against observed losses of the runs at the target scale.");
        if (comparison is not null) report.Section("Routes compared").Preformatted(comparison);
        if (plan is not null) report.Section("Optimum").Preformatted(plan.Report()).Figure("weights", Weights(plan), "Optimal weights (bars) with bootstrap intervals when computed, and baselines.");
        return report.Build().WriteTo(directory);
    }

    private static double Curve(IReadOnlyList<double> p, int curves, int c, double x) =>
        Math.Exp(p[c]) + Math.Exp(p[^1] * (p[curves + c] - Math.Log(x)));

    private static double[] Grid(double from, double to)
    {
        double a = Math.Log(Math.Min(from, to)), b = Math.Log(Math.Max(from, to));
        return [.. Enumerable.Range(0, 60).Select(i => Math.Exp(a + (b - a) * i / 59))];
    }

    private static string NumberOf(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
