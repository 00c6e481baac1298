using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Uncertainty;
using ScalingLaws.Optimization.Bootstrapping;

namespace ScalingLaws.Nested;

/// <summary>
/// Propagates the uncertainty of every stage of a <see cref="NestedFit"/> to its mixture laws. Replicate r draws the
/// fitted mixtures with replacement (seeded by r); for each run of a drawn mixture the step law is refitted on its
/// fitted values plus residuals drawn with replacement within each curve (a residual bootstrap of the logged steps);
/// the size law is refitted on the drawn mixtures' new step-law predictions and the mixture laws on the drawn
/// mixtures' new size-law predictions. Refits are warm-started from the point estimate; replicates run in parallel
/// and are stored by index, so the result does not depend on the thread count.
/// </summary>
public static class NestedBootstrap
{
    /// <summary>Bootstraps the mixture laws of <paramref name="fit"/>.</summary>
    /// <param name="fit">The point estimate.</param>
    /// <param name="options">Replicates, seed, level and parallelism.</param>
    /// <returns>One <see cref="BootstrapResult"/> per target, in target order (usable for <see cref="BootstrapOptimum.Mixture"/>).</returns>
    public static BootstrapEnsemble Run(NestedFit fit, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        options ??= BootstrapOptions.Default;
        options.Validate();
        var o = fit.Options;
        int replicates = options.Replicates, targets = o.Targets.Length, mixtures = fit.Mixtures.Length;
        var samples = new double[targets][][];
        var usable = new bool[targets][];
        for (int t = 0; t < targets; t++) { samples[t] = new double[replicates][]; usable[t] = new bool[replicates]; }
        var law = o.ResolvedMixtureLaw;
        Parallel.For(0, replicates, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, r =>
        {
            var random = new Random(SeedSequence.Derive(options.Seed, r, 0));
            var drawn = Enumerable.Range(0, mixtures).Select(_ => random.Next(mixtures)).ToArray();
            var atStep = StepPredictions(fit, drawn.Distinct().Order().ToArray(), options.Seed, r);
            var sizeInputs = new List<IReadOnlyList<double>>();
            var warm = new List<double>();
            int sizeCurves = mixtures * targets;
            var point = fit.SizeLaw.Fit.Values;
            foreach (int m in drawn)
                for (int t = 0; t < targets; t++)
                    sizeInputs.Add(fit.SizeLaw.Sizes.Select(n => atStep[(m, n)][t]).ToArray());
            foreach (int m in drawn) for (int t = 0; t < targets; t++) warm.Add(point[m * targets + t]);
            foreach (int m in drawn) for (int t = 0; t < targets; t++) warm.Add(point[sizeCurves + m * targets + t]);
            warm.Add(point[^1]);
            var size = NestedStages.FitSize(fit.SizeLaw.Sizes, sizeInputs, o, options.Seed, warm);
            bool sizeOk = size.IsUsable;
            var drawnMixtures = drawn.Select(m => (IReadOnlyList<double>)fit.Mixtures[m]).ToList();
            for (int t = 0; t < targets; t++)
            {
                var y = drawn.Select((_, i) => NestedStages.Curve(size.Values, sizeInputs.Count, i * targets + t, o.TargetModelSize)).ToArray();
                var refit = NestedStages.FitMixture(law, o, drawnMixtures, y, o.Targets[t], fit.MixtureLaws[t].Fit.Values);
                samples[t][r] = [.. refit.Values];
                usable[t][r] = sizeOk && refit.IsUsable;
            }
        });
        var results = ImmutableArray.CreateBuilder<BootstrapResult>(targets);
        for (int t = 0; t < targets; t++)
            results.Add(Bootstrap.Summarize(FittedLaw.From(fit.MixtureLaws[t].Fit), samples[t], usable[t], options));
        return new BootstrapEnsemble(results.MoveToImmutable());
    }

    /// <summary>Percentile intervals of the mixture laws' predictions at <paramref name="weights"/> over the usable replicates, in target order.</summary>
    /// <param name="fit">The point estimate.</param>
    /// <param name="ensemble">Its bootstrap (<see cref="Run"/>).</param>
    /// <param name="weights">The mixture, in domain order.</param>
    /// <param name="level">Confidence level, e.g. 0.95.</param>
    public static ImmutableArray<BootstrapInterval> PredictionIntervals(NestedFit fit, BootstrapEnsemble ensemble, IReadOnlyList<double> weights, double level)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(ensemble);
        return [.. fit.MixtureLaws.Select((m, t) => BootstrapInterval.Percentile(
            Enumerable.Range(0, ensemble.Replicates).Where(ensemble.IsUsable)
                .Select(r => NestedStages.PredictMixture(FittedLaw.From(m.Fit).WithParameters(ensemble.Fits[t].Samples[r]), fit.Options, weights)), level))];
    }

    /// <summary>Residual-bootstrap step-law predictions at the target step for every run of the given mixtures: (mixture, size) → per-target losses.</summary>
    private static Dictionary<(int Mixture, double Size), double[]> StepPredictions(NestedFit fit, int[] mixtures, int seed, int replicate)
    {
        var o = fit.Options;
        int targets = o.Targets.Length;
        var wanted = mixtures.ToHashSet();
        var result = new Dictionary<(int, double), double[]>();
        foreach (var group in fit.StepLaws)
        {
            if (!group.Runs.Any(r => wanted.Contains(r.Mixture))) continue;
            int curves = group.Runs.Length * targets;
            var x = new List<IReadOnlyList<double>>();
            var y = new List<IReadOnlyList<double>>();
            var random = new Random(SeedSequence.Derive(seed, replicate, 1 + (ulong)group.Runs[0].Mixture * 1_000_003UL + (ulong)group.Runs[0].ModelSize % 1_000_003UL));
            for (int r = 0; r < group.Runs.Length; r++)
                for (int t = 0; t < targets; t++)
                {
                    var run = group.Runs[r];
                    int c = r * targets + t;
                    var fitted = run.Steps.Select(s => NestedStages.Curve(group.Fit.Values, curves, c, s)).ToArray();
                    var residuals = run.Losses[t].Select((v, i) => v - fitted[i]).ToArray();
                    x.Add(run.Steps);
                    y.Add(fitted.Select(f => f + residuals[random.Next(residuals.Length)]).ToArray());
                }
            var refit = NestedStages.FitStep(x, y, o, seed, group.Fit.Values);
            for (int r = 0; r < group.Runs.Length; r++)
                result[(group.Runs[r].Mixture, group.Runs[r].ModelSize)] =
                    [.. Enumerable.Range(0, targets).Select(t => NestedStages.Curve(refit.Values, curves, r * targets + t, o.TargetStep))];
        }
        return result;
    }
}
