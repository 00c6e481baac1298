using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Nested;

/// <summary>
/// Ye et al.'s nested prediction ("Data Mixing Laws", Algorithm 1): from small runs to the loss of every mixture
/// at a target model size N* and step S*.
/// <list type="number">
/// <item>Step law per (size, mixture) run: L_t(S) = c_t + (k_t/S)^α, α shared by the run's targets, fitted on the
/// logged steps and extrapolated to S*.</item>
/// <item>Size law per (mixture, target): L(N) = c + (k/N)^α on the step-law predictions at S*, one α shared by
/// every curve, extrapolated to N*.</item>
/// <item>Mixture law per target on the predicted losses at (N*, S*): the law given, or the candidate (data mixing law,
/// linear mixture model) with the least leave-one-mixture-out error.</item>
/// </list>
/// Runs at N* are never fitted; runs above N* are ignored. Every fit is a Levenberg–Marquardt fit of the engine.
/// </summary>
public static class NestedPipeline
{
    /// <summary>Runs the three stages.</summary>
    /// <param name="table">Runs with model size, step, domain weights and losses (one row per checkpoint).</param>
    /// <param name="options">Target scale, columns and fit settings.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="DataException">A column is missing, or the runs cannot support a stage (the message says which and why).</exception>
    public static NestedFit Fit(RunTable table, NestedOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var data = NestedData.Read(table, options);
        var warnings = data.Warnings.ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        int targets = options.Targets.Length;

        // Stage 1: step laws.
        var groups = options.StepSharing == StepExponentSharing.Run
            ? data.Runs.Select(r => ImmutableArray.Create(r)).ToList()
            : data.Runs.GroupBy(r => r.ModelSize).Select(g => g.ToImmutableArray()).ToList();
        var steps = new StepLawFit[groups.Count];
        Parallel.For(0, groups.Count, parallel, g => steps[g] = FitStep(groups[g], options));
        foreach (var s in steps.Where(s => !s.Fit.IsUsable))
            warnings.Add($"{s.Runs[0].Source}: the step law of {(s.Runs.Length == 1 ? "run " + s.Runs[0].Label : $"the {s.Runs.Length} runs at N = {Format(s.Runs[0].ModelSize)}")} did not converge ({s.Fit.Termination}).");

        // Stage 2: the size law.
        var size = FitSize(data, steps, options);
        if (!size.Fit.IsUsable) warnings.Add($"The size law did not converge ({size.Fit.Termination}).");
        double alpha = size.Fit.Values[^1];
        if (alpha <= 1e-6) warnings.Add("The size law's exponent is 0: the losses do not fall with model size, so the size extrapolation is flat.");

        // Stage 3: mixture laws, per target the candidate with the least leave-one-mixture-out error.
        var allCandidates = options.MixtureCandidates;
        var candidates = allCandidates.Where(c => c.Law.Parameters.Length < data.Mixtures.Length).ToList();
        if (candidates.Count == 0)
        {
            var smallest = allCandidates.MinBy(c => c.Law.Parameters.Length)!;
            throw new DataException($"the mixture law '{smallest.Name}' has {smallest.Law.Parameters.Length} parameters but only {data.Mixtures.Length} mixtures are logged at two or more fitted sizes; give more mixtures or a smaller law.", table.Name);
        }
        var mixtureFits = new MixtureLawFit[targets];
        var mixtures = data.Mixtures.Select(m => (IReadOnlyList<double>)m).ToList();
        Parallel.For(0, targets, parallel, t =>
        {
            var y = size.AtTarget.Select(m => m[t]).ToArray();
            var tried = candidates.Select(c =>
            {
                var fit = NestedStages.FitMixture(c.Law, options, mixtures, y, options.Targets[t]);
                return (Candidate: c, Fit: fit, Error: LeaveOneOut(c.Law, options, mixtures, y, fit));
            }).ToList();
            var best = tried.OrderBy(c => double.IsNaN(c.Error) ? double.PositiveInfinity : c.Error).First();
            var errors = allCandidates.ToImmutableDictionary(c => c.Name,
                c => tried.Where(x => ReferenceEquals(x.Candidate, c)).Select(x => x.Error).DefaultIfEmpty(double.NaN).First());
            var (tau2, kappa) = RunEffects(best.Fit, options, mixtures, size, t);
            mixtureFits[t] = new MixtureLawFit(options.Targets[t], best.Fit, best.Error, best.Candidate.Name, errors, tau2, kappa);
        });
        foreach (var m in mixtureFits.Where(m => !m.Fit.IsUsable))
            warnings.Add($"The mixture law of {m.Target} did not converge ({m.Fit.Termination}).");

        return new NestedFit
        {
            Options = options,
            Mixtures = data.Mixtures,
            StepLaws = [.. steps],
            SizeLaw = size,
            MixtureLaws = [.. mixtureFits],
            Observations = data.Observations,
            Warnings = [.. warnings],
        };
    }

    private static StepLawFit FitStep(ImmutableArray<NestedRun> runs, NestedOptions options)
    {
        int targets = options.Targets.Length;
        var x = new List<IReadOnlyList<double>>();
        var y = new List<IReadOnlyList<double>>();
        foreach (var run in runs)
            for (int t = 0; t < targets; t++) { x.Add(run.Steps); y.Add(run.Losses[t]); }
        int seed = SeedSequence.Derive(options.Seed, runs[0].Mixture, (ulong)runs[0].ModelSize);
        string name = runs.Length == 1 ? "loss of " + runs[0].Label : "loss at N = " + Format(runs[0].ModelSize);
        var fit = NestedStages.FitStep(x, y, options, seed, target: name);
        var atTarget = runs.Select((_, r) => Enumerable.Range(0, targets)
            .Select(t => NestedStages.Curve(fit.Values, x.Count, r * targets + t, options.TargetStep)).ToImmutableArray()).ToImmutableArray();
        double holdOut = double.NaN;
        int h = options.HoldOutSteps;
        if (h > 0 && runs.All(r => r.Steps.Length - h >= 3))
        {
            var early = NestedStages.FitStep(x.Select(c => (IReadOnlyList<double>)c.Take(c.Count - h).ToArray()).ToList(),
                y.Select(c => (IReadOnlyList<double>)c.Take(c.Count - h).ToArray()).ToList(), options, seed, fit.Values);
            double sum = 0; int n = 0;
            for (int c = 0; c < x.Count; c++)
                for (int i = x[c].Count - h; i < x[c].Count; i++, n++)
                    sum += Math.Abs(NestedStages.Curve(early.Values, x.Count, c, x[c][i]) - y[c][i]);
            holdOut = sum / n;
        }
        return new StepLawFit(runs, fit, atTarget, holdOut);
    }

    private static SizeLawFit FitSize(NestedData data, StepLawFit[] steps, NestedOptions options)
    {
        int targets = options.Targets.Length, sizes = data.Sizes.Length, mixtures = data.Mixtures.Length;
        var inputs = new double[mixtures][][];
        for (int m = 0; m < mixtures; m++)
        {
            inputs[m] = new double[targets][];
            for (int t = 0; t < targets; t++) inputs[m][t] = Enumerable.Repeat(double.NaN, sizes).ToArray();
        }
        foreach (var s in steps)
            for (int r = 0; r < s.Runs.Length; r++)
            {
                int k = data.Sizes.IndexOf(s.Runs[r].ModelSize);
                for (int t = 0; t < targets; t++) inputs[s.Runs[r].Mixture][t][k] = s.AtTarget[r][t];
            }
        var curves = inputs.SelectMany(m => m.Select(c => (IReadOnlyList<double>)c)).ToList();
        var fit = NestedStages.FitSize(data.Sizes, curves, options, options.Seed);
        var atTarget = Enumerable.Range(0, mixtures).Select(m => Enumerable.Range(0, targets)
            .Select(t => NestedStages.Curve(fit.Values, curves.Count, m * targets + t, options.TargetModelSize)).ToImmutableArray()).ToImmutableArray();
        double holdOut = double.NaN;
        // Hold-out: refit without the largest size on the curves logged at every size, error at the largest size.
        var whole = Enumerable.Range(0, curves.Count).Where(c => curves[c].All(double.IsFinite)).ToList();
        if (sizes >= 4 && whole.Count > 0)
        {
            var head = whole.Select(c => (IReadOnlyList<double>)curves[c].Take(sizes - 1).ToArray()).ToList();
            var early = NestedStages.FitSize(data.Sizes.Take(sizes - 1).ToArray(), head, options, options.Seed);
            holdOut = Enumerable.Range(0, whole.Count)
                .Average(i => Math.Abs(NestedStages.Curve(early.Values, whole.Count, i, data.Sizes[^1]) - curves[whole[i]][sizes - 1]));
        }
        return new SizeLawFit(fit, data.Sizes,
            [.. inputs.Select(m => m.Select(c => c.ToImmutableArray()).ToImmutableArray())], atTarget, holdOut,
            AtTargetVariance(fit.Values, data.Sizes, curves, mixtures, targets, options.TargetModelSize));
    }

    /// <summary>
    /// σ² of each curve's prediction at N*: the residual variance pooled over the target's curves, s² = Σ RSS / Σ (n − 2),
    /// times the leverage 1/n + (x* − x̄)² / Σ (x − x̄)² of a straight line in x = N^−α.
    /// </summary>
    private static ImmutableArray<ImmutableArray<double>> AtTargetVariance(IReadOnlyList<double> values, IReadOnlyList<double> sizes,
        IReadOnlyList<IReadOnlyList<double>> curves, int mixtures, int targets, double targetSize)
    {
        double alpha = values[^1], xTarget = Math.Pow(targetSize, -alpha);
        var result = new double[mixtures][];
        for (int m = 0; m < mixtures; m++) result[m] = new double[targets];
        for (int t = 0; t < targets; t++)
        {
            double rss = 0; int dof = 0;
            for (int m = 0; m < mixtures; m++)
            {
                int c = m * targets + t;
                for (int k = 0; k < sizes.Count; k++)
                    if (double.IsFinite(curves[c][k])) { double r = curves[c][k] - NestedStages.Curve(values, curves.Count, c, sizes[k]); rss += r * r; dof++; }
                dof -= 2;
            }
            double variance = dof > 0 ? rss / dof : double.NaN;
            for (int m = 0; m < mixtures; m++)
            {
                var x = sizes.Where((_, k) => double.IsFinite(curves[m * targets + t][k])).Select(n => Math.Pow(n, -alpha)).ToArray();
                double mean = x.Average(), spread = x.Sum(v => (v - mean) * (v - mean));
                result[m][t] = variance * (1.0 / x.Length + (xTarget - mean) * (xTarget - mean) / spread);
            }
        }
        return [.. result.Select(r => r.ToImmutableArray())];
    }

    /// <summary>
    /// τ² = max(0, Σ_m r_m² / (M − p) − mean σ_m²) with r_m = chain − law at the fitted mixtures, and κ_m = τ² / (τ² + σ_m²):
    /// a method-of-moments estimate of the variance of the mixtures' own effects, and their shrinkage weights.
    /// </summary>
    private static (double Variance, ImmutableArray<double> Weights) RunEffects(FitResult fit, NestedOptions options,
        IReadOnlyList<IReadOnlyList<double>> mixtures, SizeLawFit size, int target)
    {
        var law = FittedLaw.From(fit);
        int count = mixtures.Count, parameters = fit.Values.Length;
        double squares = 0, noise = 0;
        for (int m = 0; m < count; m++)
        {
            double r = size.AtTarget[m][target] - NestedStages.PredictMixture(law, options, mixtures[m]);
            squares += r * r;
            noise += size.AtTargetVariance[m][target];
        }
        double tau2 = count > parameters ? Math.Max(0, squares / (count - parameters) - noise / count) : 0;
        if (!double.IsFinite(tau2)) tau2 = 0;
        return (tau2, [.. Enumerable.Range(0, count).Select(m => tau2 > 0 ? tau2 / (tau2 + size.AtTargetVariance[m][target]) : 0)]);
    }

    private static double LeaveOneOut(Fitting.IScalingLaw law, NestedOptions options, IReadOnlyList<IReadOnlyList<double>> mixtures, double[] y, FitResult full)
    {
        double sum = 0;
        for (int left = 0; left < mixtures.Count; left++)
        {
            var others = Enumerable.Range(0, mixtures.Count).Where(i => i != left).ToList();
            var fit = NestedStages.FitMixture(law, options, others.Select(i => mixtures[i]).ToList(), others.Select(i => y[i]).ToList(),
                "left-out", full.Values);
            sum += Math.Abs(NestedStages.PredictMixture(FittedLaw.From(fit), options, mixtures[left]) - y[left]);
        }
        return sum / mixtures.Count;
    }

    internal static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
