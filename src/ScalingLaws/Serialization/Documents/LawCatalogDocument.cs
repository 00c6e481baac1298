using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The catalogue of laws (<c>"kind": "laws"</c>, schema <c>docs/schema/laws.schema.json</c>), written by <c>laws --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>laws</c>.</param>
/// <param name="Laws">The laws.</param>
public sealed record LawCatalogDocument(
    int SchemaVersion,
    string Kind,
    ImmutableArray<LawEntry> Laws);
