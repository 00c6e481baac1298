using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Design;

/// <summary>
/// Tests a design strategy against a known truth. For each seed: draw an initial random design from the candidates;
/// observe each candidate once as L_true·exp(σ·z) with z fixed per (seed, candidate), so both strategies see the same
/// outcome for the same run; then, round by round, fit, measure the decision's error against the truth's decision,
/// and add a batch of runs — chosen by <see cref="NextRuns"/> from the bootstrap of the current fit, or uniformly at
/// random from the candidates not yet run.
/// </summary>
public static class DesignSimulation
{
    /// <summary>Runs the simulation.</summary>
    /// <param name="options">Settings.</param>
    /// <exception cref="ArgumentException">Settings out of range.</exception>
    public static DesignSimulationResult Run(DesignSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int candidates = options.Candidates.Runs.Length;
        if (options.InitialRuns < 1 || options.AddedRuns < 0 || options.BatchSize < 1 || options.InitialRuns + options.AddedRuns > candidates)
            throw new ArgumentException($"Need 1 ≤ initial runs and initial + added runs ≤ {candidates} candidates, and a batch ≥ 1.");
        if (options.Seeds < 1) throw new ArgumentException("At least one seed is needed.");
        int free = options.Law.Parameters.Length - (options.FitOptions?.Fixed.Count ?? 0);
        if (options.InitialRuns < free)
            throw new ArgumentException($"The initial design has {options.InitialRuns} runs but '{options.Law.Name}' has {free} free parameters; start with at least {free} runs.");
        var domains = options.Candidates.Domains;
        var truthLaw = new FittedLaw(options.Law, options.Truth);
        var truth = options.Target.Evaluate([truthLaw], domains) ?? throw new ArgumentException("The decision cannot be computed under the true parameters.");
        var counts = new List<int>();
        for (int n = options.InitialRuns; n <= options.InitialRuns + options.AddedRuns; n += options.BatchSize) counts.Add(n);
        var rows = options.Candidates.Runs.Select(run => NextRuns.Row(options.Law.Variables, run, domains)).ToArray();
        // One job per (seed, strategy), each single-threaded and seeded by its own indices: the result does not depend on the thread count.
        var chosen = new ImmutableArray<double>[options.Seeds];
        var random = new ImmutableArray<double>[options.Seeds];
        Parallel.For(0, 2 * options.Seeds, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, job =>
        {
            int seed = job / 2;
            var observed = new double[candidates];
            for (int c = 0; c < candidates; c++)
            {
                var noise = new Random(SeedSequence.Derive(seed, c, 0xD0));
                double u1 = 1 - noise.NextDouble(), u2 = noise.NextDouble();
                observed[c] = truthLaw.Evaluate(rows[c]) * Math.Exp(options.Noise * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }
            var initial = Enumerable.Range(0, candidates).OrderBy(c => new Random(SeedSequence.Derive(seed, c, 0xD1)).NextDouble()).Take(options.InitialRuns).ToList();
            if (job % 2 == 0) chosen[seed] = Curve(options, seed, initial, rows, observed, truth, counts, useNextRuns: true);
            else random[seed] = Curve(options, seed, initial, rows, observed, truth, counts, useNextRuns: false);
        });
        return new DesignSimulationResult(counts.ToImmutableArray(), chosen.ToImmutableArray(), random.ToImmutableArray());
    }

    /// <summary>The error of a decision against the truth's (see <see cref="DesignSimulationResult"/>).</summary>
    /// <param name="kind">The decision kind.</param>
    /// <param name="estimate">The estimated decision.</param>
    /// <param name="truth">The true decision.</param>
    public static double Error(DecisionKind kind, IReadOnlyList<double> estimate, IReadOnlyList<double> truth) => kind switch
    {
        DecisionKind.Weights => MixtureSwarm.Distance(estimate, truth),
        DecisionKind.Allocation => Math.Abs(Math.Exp(estimate[0] - truth[0]) - 1),
        _ => estimate.Select((e, i) => Math.Abs(e / truth[i] - 1)).Max(),
    };

    private static ImmutableArray<double> Curve(DesignSimulationOptions options, int seed, List<int> initial, double[][] rows, double[] observed,
        double[] truth, List<int> counts, bool useNextRuns)
    {
        var design = new List<int>(initial);
        var errors = ImmutableArray.CreateBuilder<double>(counts.Count);
        FitResult? previous = null;
        var domains = options.Candidates.Domains;
        for (int round = 0; round < counts.Count; round++)
        {
            var data = new FitData(options.Law.Variables, design.SelectMany(c => rows[c]).ToArray(), design.Select(c => observed[c]).ToArray(), target: "loss");
            var fit = Fit(options, data, previous);
            previous = fit;
            var estimate = options.Target.Evaluate([FittedLaw.From(fit)], domains, seed);
            errors.Add(estimate is null ? double.PositiveInfinity : Error(options.Target.Kind, estimate, truth));
            if (round == counts.Count - 1) break;
            var remaining = Enumerable.Range(0, rows.Length).Where(c => !design.Contains(c)).ToList();
            int batch = Math.Min(options.BatchSize, remaining.Count);
            List<int>? next = null;
            if (useNextRuns && fit.IsUsable)
            {
                BootstrapEnsemble? ensemble = null;
                if (options.Criterion == NextRunCriterion.Ensemble)
                {
                    var bootstrap = new BootstrapOptions { Replicates = options.Replicates, Seed = SeedSequence.Derive(seed, round, 0xD2), MaxDegreeOfParallelism = 1 };
                    ensemble = Bootstrap.Refit([fit], [data], bootstrap);
                }
                var plan = options.Candidates with { Runs = remaining.Select(c => options.Candidates.Runs[c]).ToImmutableArray() };
                try
                {
                    var selection = NextRuns.Propose([fit], [data], ensemble, plan, options.Target,
                        new NextRunOptions { Count = batch, Seed = seed, Criterion = options.Criterion, PerCompute = options.PerCompute, MaxDegreeOfParallelism = 1 });
                    next = selection.Proposals.Select(p => remaining[p.CandidateIndex]).ToList();
                }
                catch (ArgumentException) { next = null; }
            }
            next ??= remaining.OrderBy(c => new Random(SeedSequence.Derive(seed, c, 0xD3 + (ulong)round)).NextDouble()).Take(batch).ToList();
            design.AddRange(next);
        }
        return errors.MoveToImmutable();
    }

    /// <summary>
    /// The law's recipe (its multi-start search) and, after the first round, also a warm start from the previous
    /// round's parameters: the lower objective wins, so a round never loses a basin it has already found.
    /// </summary>
    private static FitResult Fit(DesignSimulationOptions options, FitData data, FitResult? previous)
    {
        var baseOptions = (options.FitOptions ?? new FitOptions()) with { MaxDegreeOfParallelism = 1, ComputeCovariance = false };
        var recipe = LevenbergMarquardt.Fit(options.Law, data, baseOptions);
        if (previous is null) return recipe;
        var warm = LevenbergMarquardt.Fit(options.Law, data, baseOptions with
        {
            Initial = previous.Parameters.ToImmutableDictionary(p => p.Name, p => p.Value),
            Starts = StartPoints.Single,
            Screening = null,
        });
        return warm.IsUsable && (!recipe.IsUsable || warm.Objective < recipe.Objective) ? warm : recipe;
    }
}
