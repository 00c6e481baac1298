using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A plan of training runs (<c>"kind": "run-plan"</c>, schema <c>docs/schema/run-plan.schema.json</c>), written by <c>design --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>run-plan</c>.</param>
/// <param name="Domains">Domain-weight columns (empty without mixtures).</param>
/// <param name="TotalCompute">Σ 6·N·D, or null when some run has no N or D.</param>
/// <param name="Runs">The runs.</param>
public sealed record RunPlanDocument(
    int SchemaVersion,
    string Kind,
    ImmutableArray<string> Domains,
    double? TotalCompute,
    ImmutableArray<PlannedRunEntry> Runs);
