using System.Collections.Immutable;

using ScalingLaws.Optimization.Compute;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// The result of a mixture optimisation: the optimal weights, the predicted losses and objective there,
/// the active constraints with their multipliers, the KKT residual, the baselines evaluated with the
/// same model, and (after <see cref="Optimization.Bootstrapping.BootstrapOptimum.Mixture"/>) bootstrap intervals and a
/// robust choice. An infeasible problem is a state (<see cref="MixturePlanStatus.Infeasible"/>), not an
/// exception; <see cref="EnsureFeasible"/> turns it into one.
/// </summary>
[ScalingLaws.Display.TypeFormatterSource(typeof(ScalingLaws.Display.NotebookFormatters))]
public sealed record MixturePlan
{
    /// <summary>How the optimisation ended.</summary>
    public required MixturePlanStatus Status { get; init; }

    /// <summary>A one-line explanation (for infeasible problems, which constraints conflict).</summary>
    public required string Message { get; init; }

    /// <summary>Training domains, in the order of <see cref="Weights"/>.</summary>
    public required ImmutableArray<string> Domains { get; init; }

    /// <summary>The optimal weights (on the simplex); for an infeasible problem, the least-infeasible point found.</summary>
    public required ImmutableArray<double> Weights { get; init; }

    /// <summary>The objective.</summary>
    public required MixtureObjective Objective { get; init; }

    /// <summary>The objective's value at <see cref="Weights"/>.</summary>
    public required double ObjectiveValue { get; init; }

    /// <summary>Every predicted loss of the model at <see cref="Weights"/>.</summary>
    public required ImmutableArray<PredictedLoss> Losses { get; init; }

    /// <summary>Constraints that hold with equality (within <see cref="MixtureOptimizerOptions.ActiveTolerance"/>).</summary>
    public required ImmutableArray<ConstraintReport> ActiveConstraints { get; init; }

    /// <summary>Constraints that are violated (empty unless <see cref="Status"/> is <see cref="MixturePlanStatus.Infeasible"/>).</summary>
    public required ImmutableArray<ConstraintReport> ViolatedConstraints { get; init; }

    /// <summary>First-order optimality measures.</summary>
    public required KktReport Kkt { get; init; }

    /// <summary>Baselines evaluated with the same model and objective.</summary>
    public required ImmutableArray<BaselineEvaluation> Baselines { get; init; }

    /// <summary>The budget the plan is for.</summary>
    public required TrainingBudget Budget { get; init; }

    /// <summary>How the search went.</summary>
    public required MixtureSearchSummary Search { get; init; }

    /// <summary>The compute-optimal N and D when the mixture was optimised jointly with a compute budget; otherwise null.</summary>
    public BudgetAllocation? Allocation { get; init; }

    /// <summary>Bootstrap intervals and the robust choice, when computed; otherwise null.</summary>
    public MixtureUncertainty? Uncertainty { get; init; }

    /// <summary>The KKT residual (see <see cref="KktReport.Residual"/>).</summary>
    public double KktResidual => Kkt.Residual;

    /// <summary>Whether every constraint is satisfied.</summary>
    public bool IsFeasible => Status != MixturePlanStatus.Infeasible;

    /// <summary>The optimal weight of a domain.</summary>
    /// <param name="domain">Domain name (exact, else normalised; see <see cref="DomainNameMatching"/>).</param>
    /// <exception cref="ArgumentException">No such domain.</exception>
    public double Weight(string domain) => Weights[DomainNameMatching.IndexOf(domain, Domains, $"'{domain}' is not a training domain")];

    /// <summary>A predicted loss by name.</summary>
    /// <param name="name">Loss name.</param>
    /// <exception cref="KeyNotFoundException">No such loss.</exception>
    public double Loss(string name) =>
        Losses.FirstOrDefault(l => l.Name == name)?.Value
        ?? throw new KeyNotFoundException($"The plan has no loss '{name}'; its losses are {string.Join(", ", Losses.Select(l => l.Name))}.");

    /// <summary>Returns this plan when it is feasible; otherwise throws.</summary>
    /// <exception cref="InfeasibleMixtureException">The problem is infeasible; the exception names the violated constraints.</exception>
    public MixturePlan EnsureFeasible() =>
        IsFeasible ? this : throw new InfeasibleMixtureException(Message, ViolatedConstraints.Select(c => c.Description));

    /// <summary>A multi-line text report: status, weights, losses, constraints, KKT, baselines and intervals.</summary>
    public string Report() => MixturePlanReport.Format(this);
}
