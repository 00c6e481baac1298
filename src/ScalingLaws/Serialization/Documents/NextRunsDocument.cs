using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>Proposed next runs (<c>"kind": "next-runs"</c>, schema <c>docs/schema/next-runs.schema.json</c>), written by <c>design --next --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>next-runs</c>.</param>
/// <param name="Decision">The decision sharpened.</param>
/// <param name="Replicates">Bootstrap replicates.</param>
/// <param name="Variance">Current total variance of the decision.</param>
/// <param name="ExpectedVariance">Expected variance after all proposals.</param>
/// <param name="TotalCompute">Σ 6·N·D of the proposals, or null.</param>
/// <param name="Components">The decision's components.</param>
/// <param name="Proposals">Proposals in selection order.</param>
public sealed record NextRunsDocument(
    int SchemaVersion,
    string Kind,
    string Decision,
    int Replicates,
    double Variance,
    double ExpectedVariance,
    double? TotalCompute,
    ImmutableArray<DecisionComponentEntry> Components,
    ImmutableArray<NextRunEntry> Proposals);
