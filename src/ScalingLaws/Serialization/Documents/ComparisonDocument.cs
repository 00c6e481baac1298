using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A ranking of laws fitted to the same runs (<c>"kind": "comparison"</c>, schema <c>docs/schema/comparison.schema.json</c>), written by <c>compare --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>comparison</c>.</param>
/// <param name="Target">Target column.</param>
/// <param name="RankedBy">Criterion: Aic, Aicc, Bic or HeldOutError.</param>
/// <param name="Laws">The laws, best first.</param>
public sealed record ComparisonDocument(
    int SchemaVersion,
    string Kind,
    string Target,
    string RankedBy,
    ImmutableArray<ComparisonEntry> Laws);
