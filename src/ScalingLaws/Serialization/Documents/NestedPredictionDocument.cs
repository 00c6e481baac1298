using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A nested prediction (<c>"kind": "nested-prediction"</c>, schema <c>docs/schema/nested-prediction.schema.json</c>), written by <c>predict --nested --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>nested-prediction</c>.</param>
/// <param name="TargetScale">The scale predicted at.</param>
/// <param name="MixtureLaw">The mixture law of stage 3.</param>
/// <param name="Stages">Each stage's fits.</param>
/// <param name="Warnings">Warnings.</param>
/// <param name="Predictions">One per mixture.</param>
/// <param name="Comparison">Nested against direct laws, or null.</param>
public sealed record NestedPredictionDocument(
    int SchemaVersion,
    string Kind,
    NestedScaleEntry TargetScale,
    string MixtureLaw,
    NestedStagesEntry Stages,
    ImmutableArray<string> Warnings,
    ImmutableArray<NestedPredictionEntry> Predictions,
    NestedComparisonEntry? Comparison);
