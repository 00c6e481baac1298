using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>Predictions of saved fits (<c>"kind": "predictions"</c>, schema <c>docs/schema/predictions.schema.json</c>), written by <c>predict --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>predictions</c>.</param>
/// <param name="Predictions">One entry per point and fit.</param>
public sealed record PredictionsDocument(
    int SchemaVersion,
    string Kind,
    ImmutableArray<PredictionEntry> Predictions);
