using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Design;

/// <summary>
/// The decision a set of fitted laws implies: the optimal weights at a budget, log N_opt at a compute budget, or
/// the predicted losses at a point. Evaluated once per bootstrap replicate to give the decision's ensemble.
/// </summary>
public sealed record DecisionTarget
{
    private DecisionTarget(DecisionKind kind) => Kind = kind;

    /// <summary>The kind of decision.</summary>
    public DecisionKind Kind { get; }

    /// <summary>The target budget (N, D) of a weights decision (either may be unset when the laws do not read it).</summary>
    public TrainingBudget Budget { get; private init; } = TrainingBudget.None;

    /// <summary>The compute budget C (FLOP) of an allocation decision.</summary>
    public double Compute { get; private init; }

    /// <summary>The target point (variable → value) of a loss decision.</summary>
    public ImmutableDictionary<string, double> Point { get; private init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>The optimal weights (minimising the only loss, or the equal-weight sum of the losses) at <paramref name="budget"/>.</summary>
    /// <param name="budget">Target N and D.</param>
    public static DecisionTarget OptimalWeights(TrainingBudget budget) => new(DecisionKind.Weights) { Budget = budget ?? TrainingBudget.None };

    /// <summary>The compute-optimal model size at <paramref name="compute"/> FLOP (C = 6ND), as log N_opt.</summary>
    /// <param name="compute">C &gt; 0.</param>
    /// <exception cref="ArgumentException">C is not a finite positive number.</exception>
    public static DecisionTarget ComputeOptimal(double compute) => compute > 0 && double.IsFinite(compute)
        ? new(DecisionKind.Allocation) { Compute = compute }
        : throw new ArgumentException($"The compute budget must be a finite number > 0 (got {compute}).");

    /// <summary>The predicted losses of every fit at <paramref name="point"/>.</summary>
    /// <param name="point">Values of the laws' variables.</param>
    public static DecisionTarget Prediction(IReadOnlyDictionary<string, double> point) =>
        new(DecisionKind.Loss) { Point = point.ToImmutableDictionary() };

    /// <summary>Names of the decision's components: the domains, <c>log_N_opt</c>, or the losses' names.</summary>
    /// <param name="laws">The fitted laws.</param>
    /// <param name="domains">The weight columns.</param>
    public ImmutableArray<string> ComponentNames(IReadOnlyList<FittedLaw> laws, ImmutableArray<string> domains) => Kind switch
    {
        DecisionKind.Weights => domains,
        DecisionKind.Allocation => ["log_N_opt"],
        _ => laws.Select(l => l.Name).ToImmutableArray(),
    };

    /// <summary>The decision under <paramref name="laws"/>, or null when it cannot be computed (an infeasible or failed optimisation).</summary>
    /// <param name="laws">The fitted laws (one per loss).</param>
    /// <param name="domains">The weight columns (weights decisions).</param>
    /// <param name="seed">Seed of the mixture search.</param>
    /// <exception cref="ArgumentException">The laws do not fit the decision (e.g. no mixture law for a weights decision).</exception>
    public double[]? Evaluate(IReadOnlyList<FittedLaw> laws, ImmutableArray<string> domains, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(laws);
        switch (Kind)
        {
            case DecisionKind.Weights:
            {
                var model = MixtureModel.FromFits(domains, laws);
                var objective = laws.Count == 1 ? MixtureObjective.Target(model.Losses[0].Name)
                    : MixtureObjective.WeightedSum(model.Losses.Select(l => KeyValuePair.Create(l.Name, 1.0 / laws.Count)));
                var problem = new MixtureProblem { Model = model, Objective = objective, Budget = Budget };
                var plan = MixtureOptimizer.Optimize(problem, new MixtureOptimizerOptions { Samples = 256, Starts = 2, MaxDegreeOfParallelism = 1, Seed = seed });
                return plan.IsFeasible && plan.Weights.All(double.IsFinite) ? plan.Weights.ToArray() : null;
            }
            case DecisionKind.Allocation:
            {
                try
                {
                    double n = BudgetAllocator.Optimize(laws[0], Compute).ModelSize;
                    return n > 0 && double.IsFinite(n) ? [Math.Log(n)] : null;
                }
                catch (ArithmeticException) { return null; }
            }
            default:
            {
                var values = laws.Select(l => l.Evaluate(Point)).ToArray();
                return values.All(double.IsFinite) ? values : null;
            }
        }
    }
}
