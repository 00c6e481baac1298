namespace ScalingLaws.Serialization.Documents;

/// <summary>A hold-out validation (<c>"kind": "validation"</c>, schema <c>docs/schema/validation.schema.json</c>), written by <c>validate --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>validation</c>.</param>
/// <param name="Target">Target column.</param>
/// <param name="FitRows">Errors on the rows the law was fitted to.</param>
/// <param name="HeldOutRows">Errors on the held-out rows.</param>
/// <param name="Fit">The fit on the fitting rows.</param>
public sealed record ValidationDocument(
    int SchemaVersion,
    string Kind,
    string Target,
    ErrorMeasuresEntry FitRows,
    ErrorMeasuresEntry HeldOutRows,
    FitDocument Fit);
