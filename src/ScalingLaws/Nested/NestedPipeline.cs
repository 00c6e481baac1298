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
/// <item>Mixture law per target (the data mixing law unless set) on the predicted losses at (N*, S*).</item>
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

        // Stage 3: mixture laws.
        var law = options.ResolvedMixtureLaw;
        int parameterCount = law.Parameters.Length;
        if (data.Mixtures.Length <= parameterCount)
            throw new DataException($"the mixture law '{law.Name}' has {parameterCount} parameters but only {data.Mixtures.Length} mixtures are logged at every fitted size; give more mixtures or a smaller law.", table.Name);
        var mixtureFits = new MixtureLawFit[targets];
        var mixtures = data.Mixtures.Select(m => (IReadOnlyList<double>)m).ToList();
        Parallel.For(0, targets, parallel, t =>
        {
            var y = size.AtTarget.Select(m => m[t]).ToArray();
            var fit = NestedStages.FitMixture(law, options, mixtures, y, options.Targets[t]);
            mixtureFits[t] = new MixtureLawFit(options.Targets[t], fit, LeaveOneOut(law, options, mixtures, y, fit));
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
                y.Select(c => (IReadOnlyList<double>)c.Take(c.Count - h).ToArray()).ToList(), options, seed);
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
            for (int t = 0; t < targets; t++) inputs[m][t] = new double[sizes];
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
        if (sizes >= 4)
        {
            var head = curves.Select(c => (IReadOnlyList<double>)c.Take(sizes - 1).ToArray()).ToList();
            var early = NestedStages.FitSize(data.Sizes.Take(sizes - 1).ToArray(), head, options, options.Seed);
            holdOut = Enumerable.Range(0, curves.Count)
                .Average(c => Math.Abs(NestedStages.Curve(early.Values, curves.Count, c, data.Sizes[^1]) - curves[c][sizes - 1]));
        }
        return new SizeLawFit(fit, data.Sizes,
            [.. inputs.Select(m => m.Select(c => c.ToImmutableArray()).ToImmutableArray())], atTarget, holdOut);
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
