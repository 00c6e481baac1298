using System.Collections.Immutable;
using System.Diagnostics;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Optimization.Bootstrapping;

/// <summary>
/// Propagates bootstrap replicates of fits to decisions: the distribution of the optimal mixture
/// weights, objective and predicted losses, a robust mixture, and intervals on compute-optimal allocations.
/// </summary>
public static class BootstrapOptimum
{
    /// <summary>
    /// The plan of the point estimate with <see cref="MixturePlan.Uncertainty"/> filled in. For every usable
    /// replicate the mixture problem is re-solved with the replicate's parameters (warm-started from the point
    /// estimate's weights, with at most 256 samples and 2 local starts, single-threaded inside; replicates in
    /// parallel, results by index); the weights and optimal objective give percentile intervals, and each
    /// predicted loss gets the interval of its replicate predictions at the plan's weights. The robust choice
    /// minimises the objective of the ensemble-mean losses (1/R)·Σ_r L(h; θ_r) — for target and weighted-sum
    /// objectives exactly the mean objective over the ensemble.
    /// </summary>
    /// <param name="problem">The mixture problem (point-estimate model).</param>
    /// <param name="ensemble">Bootstraps of the model's losses, in the model's loss order.</param>
    /// <param name="options">Bootstrap options (level, parallelism); <see cref="BootstrapOptions.Replicates"/> is taken from the ensemble.</param>
    /// <param name="mixtureOptions">Options of the point-estimate and robust optimisations.</param>
    /// <exception cref="ArgumentException">The ensemble does not match the model.</exception>
    public static MixturePlan Mixture(MixtureProblem problem, BootstrapEnsemble ensemble, BootstrapOptions? options = null,
        MixtureOptimizerOptions? mixtureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(ensemble);
        options ??= BootstrapOptions.Default;
        options.Validate();
        mixtureOptions ??= MixtureOptimizerOptions.Default;
        CheckMatches(ensemble, problem.Model);
        var clock = Stopwatch.StartNew();
        var plan = MixtureOptimizer.Optimize(problem, mixtureOptions);
        int replicates = ensemble.Replicates, k = problem.Model.Domains.Length, m = problem.Model.Losses.Length;
        var replicateOptions = mixtureOptions with
        {
            Samples = Math.Min(mixtureOptions.Samples, 256),
            Starts = Math.Min(mixtureOptions.Starts, 2),
            MaxDegreeOfParallelism = 1,
            InitialWeights = mixtureOptions.InitialWeights.Add(plan.Weights),
        };
        var weights = new double[replicates][];
        var objective = new double[replicates];
        var lossesAtPlan = new double[replicates][];
        var ok = new bool[replicates];
        var models = new MixtureModel?[replicates];
        var reduced = problem with { Baselines = [] };
        Parallel.For(0, replicates, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, r =>
        {
            if (!ensemble.IsUsable(r)) return;
            var model = problem.Model.WithParameters(ensemble.Parameters(r));
            var replicateProblem = reduced with { Model = model };
            var compiled = CompiledMixtureProblem.Create(replicateProblem);
            var replicatePlan = MixtureOptimizer.OptimizeCompiled(compiled, [model], replicateOptions);
            lossesAtPlan[r] = compiled.Losses(plan.Weights);
            models[r] = model;
            if (!replicatePlan.IsFeasible) return;
            weights[r] = replicatePlan.Weights.ToArray();
            objective[r] = replicatePlan.ObjectiveValue;
            ok[r] = true;
        });
        var succeeded = Enumerable.Range(0, replicates).Where(r => ok[r]).ToList();
        var usableModels = Enumerable.Range(0, replicates).Where(r => models[r] is not null).Select(r => models[r]!).ToList();
        var weightIntervals = Enumerable.Range(0, k).Select(j => BootstrapInterval.Percentile(succeeded.Select(r => weights[r][j]), options.Level)).ToImmutableArray();
        var objectiveInterval = BootstrapInterval.Percentile(succeeded.Select(r => objective[r]), options.Level);
        var losses = plan.Losses.Select((l, i) => l with
        {
            Interval = BootstrapInterval.Percentile(Enumerable.Range(0, replicates).Where(r => lossesAtPlan[r] is not null).Select(r => lossesAtPlan[r][i]), options.Level),
        }).ToImmutableArray();

        // Robust choice over the ensemble.
        ImmutableArray<double> robustWeights = plan.Weights;
        double robustObjective = double.NaN, planMean = double.NaN;
        var robustLosses = ImmutableArray<PredictedLoss>.Empty;
        if (usableModels.Count > 0)
        {
            var compiled = CompiledMixtureProblem.Create(reduced);
            var mean = Enumerable.Range(0, k).Select(j => succeeded.Count > 0 ? succeeded.Average(r => weights[r][j]) : plan.Weights[j]).ToImmutableArray();
            var robustOptions = mixtureOptions with
            {
                Samples = Math.Min(mixtureOptions.Samples, 256),
                Starts = Math.Min(mixtureOptions.Starts, 4),
                InitialWeights = mixtureOptions.InitialWeights.Add(plan.Weights).Add(mean),
            };
            var robust = MixtureOptimizer.OptimizeCompiled(compiled, usableModels, robustOptions);
            robustWeights = robust.Weights;
            robustObjective = robust.ObjectiveValue;
            robustLosses = robust.Losses;
            var evaluator = new MixtureEvaluator(compiled, usableModels);
            var values = new double[m];
            evaluator.Evaluate(plan.Weights.AsSpan(), values, Span<double>.Empty);
            planMean = compiled.ObjectiveOf(values);
        }
        var uncertainty = new MixtureUncertainty(replicates, succeeded.Count, options.Level, weightIntervals, objectiveInterval,
            succeeded.Select(r => weights[r].ToImmutableArray()).ToImmutableArray(), robustWeights, robustObjective, robustLosses, planMean);
        return plan with { Losses = losses, Uncertainty = uncertainty, Search = plan.Search with { Elapsed = clock.Elapsed } };
    }

    /// <summary>Intervals on the compute-optimal allocation from a bootstrap of the fitted law.</summary>
    /// <param name="bootstrap">Bootstrap of the law's fit.</param>
    /// <param name="compute">C.</param>
    /// <param name="options">Allocation options.</param>
    /// <param name="bootstrapOptions">Level and parallelism.</param>
    public static BootstrapAllocation Allocation(BootstrapResult bootstrap, double compute, AllocationOptions? options = null,
        BootstrapOptions? bootstrapOptions = null)
    {
        ArgumentNullException.ThrowIfNull(bootstrap);
        bootstrapOptions ??= BootstrapOptions.Default;
        bootstrapOptions.Validate();
        var estimate = BudgetAllocator.Optimize(bootstrap.Estimate, compute, options);
        var results = new BudgetAllocation?[bootstrap.Replicates];
        Parallel.For(0, bootstrap.Replicates, new ParallelOptions { MaxDegreeOfParallelism = bootstrapOptions.MaxDegreeOfParallelism }, r =>
        {
            if (!bootstrap.Usable[r]) return;
            try { results[r] = BudgetAllocator.Optimize(bootstrap.Estimate.WithParameters(bootstrap.Samples[r]), compute, options); }
            catch (ArgumentException) { results[r] = null; }
        });
        var samples = results.OfType<BudgetAllocation>().ToImmutableArray();
        double level = bootstrapOptions.Level;
        return new BootstrapAllocation(estimate,
            BootstrapInterval.Percentile(samples.Select(s => s.ModelSize), level),
            BootstrapInterval.Percentile(samples.Select(s => s.Tokens), level),
            BootstrapInterval.Percentile(samples.Select(s => s.Loss), level),
            samples);
    }

    /// <summary>
    /// <paramref name="model"/> with the parameters of replicate <paramref name="replicate"/> of <paramref name="ensemble"/>; the fits must be in the
    /// order of the model's losses, with the same laws.
    /// </summary>
    /// <param name="ensemble">Bootstraps of the model's losses.</param>
    /// <param name="model">The point-estimate model.</param>
    /// <param name="replicate">Replicate index.</param>
    /// <exception cref="ArgumentException">The fits do not match the model's losses.</exception>
    public static MixtureModel Replicate(BootstrapEnsemble ensemble, MixtureModel model, int replicate)
    {
        CheckMatches(ensemble, model);
        return model.WithParameters(ensemble.Parameters(replicate));
    }

    /// <summary>Throws unless the ensemble's fits match the model's losses one to one.</summary>
    internal static void CheckMatches(BootstrapEnsemble ensemble, MixtureModel model)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(model);
        if (ensemble.Fits.Length != model.Losses.Length)
            throw new ArgumentException($"The ensemble has {ensemble.Fits.Length} fits but the model has {model.Losses.Length} losses; give one bootstrap per loss, in the model's order.");
        for (int i = 0; i < ensemble.Fits.Length; i++)
            if (ensemble.Fits[i].Estimate.Law.Name != model.Losses[i].Law.Law.Name || ensemble.Fits[i].Estimate.Parameters.Length != model.Losses[i].Law.Parameters.Length)
                throw new ArgumentException($"Bootstrap {i} is of law '{ensemble.Fits[i].Estimate.Law.Name}' but loss '{model.Losses[i].Name}' uses '{model.Losses[i].Law.Law.Name}'.");
    }
}
