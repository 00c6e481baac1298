using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The compute-optimal frontier (<c>"kind": "frontier"</c>, schema <c>docs/schema/frontier.schema.json</c>), written by <c>optimize --frontier --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>frontier</c>.</param>
/// <param name="ModelSizeExponent">a in N_opt ∝ C^a.</param>
/// <param name="TokensExponent">b in D_opt ∝ C^b.</param>
/// <param name="Points">Allocations by increasing compute.</param>
public sealed record FrontierDocument(
    int SchemaVersion,
    string Kind,
    double ModelSizeExponent,
    double TokensExponent,
    ImmutableArray<AllocationEntry> Points);
