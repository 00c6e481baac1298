using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>An optimised data mixture (<c>"kind": "mixture-plan"</c>, schema <c>docs/schema/mixture-plan.schema.json</c>), written by <c>optimize --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>mixture-plan</c>.</param>
/// <param name="Status"><c>optimal</c>, <c>not-converged</c> or <c>infeasible</c>.</param>
/// <param name="Message">The status in words.</param>
/// <param name="Objective">What was minimised and its value.</param>
/// <param name="Budget">Model size and tokens the losses were predicted at.</param>
/// <param name="Domains">The weight of each domain.</param>
/// <param name="Losses">Predicted losses at the plan.</param>
/// <param name="ActiveConstraints">Constraints holding with equality.</param>
/// <param name="ViolatedConstraints">Constraints the plan violates.</param>
/// <param name="Kkt">Karush–Kuhn–Tucker residuals.</param>
/// <param name="Baselines">Baseline mixtures evaluated beside the plan.</param>
/// <param name="Allocation">Compute allocation at the plan, or null.</param>
/// <param name="Uncertainty">Bootstrap uncertainty of the plan, or null.</param>
/// <param name="Search">How the optimum was searched.</param>
public sealed record MixturePlanDocument(
    int SchemaVersion,
    string Kind,
    string Status,
    string Message,
    PlanObjectiveEntry Objective,
    PlanBudgetEntry Budget,
    ImmutableArray<PlanDomainEntry> Domains,
    ImmutableArray<PredictedLossEntry> Losses,
    ImmutableArray<ConstraintEntry> ActiveConstraints,
    ImmutableArray<ConstraintEntry> ViolatedConstraints,
    KktEntry Kkt,
    ImmutableArray<BaselineEntry> Baselines,
    AllocationEntry? Allocation,
    PlanUncertaintyEntry? Uncertainty,
    PlanSearchEntry Search);
