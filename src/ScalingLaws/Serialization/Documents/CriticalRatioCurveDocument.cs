using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The critical mixture ratio against tokens (<c>"kind": "critical-ratio-curve"</c>, schema <c>docs/schema/critical-ratio-curve.schema.json</c>).</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>critical-ratio-curve</c>.</param>
/// <param name="Source"><c>general-loss-law</c> or <c>cmr-tokens-law</c>.</param>
/// <param name="ModelSize">N (null when unused).</param>
/// <param name="Points">The curve.</param>
public sealed record CriticalRatioCurveDocument(
    int SchemaVersion,
    string Kind,
    string Source,
    double ModelSize,
    ImmutableArray<CriticalRatioPointEntry> Points);
