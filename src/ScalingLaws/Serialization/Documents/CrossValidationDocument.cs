using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A k-fold cross-validation (<c>"kind": "cross-validation"</c>, schema <c>docs/schema/cross-validation.schema.json</c>), written by <c>validate --folds K --format json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>cross-validation</c>.</param>
/// <param name="Law">Law name.</param>
/// <param name="Target">Target column.</param>
/// <param name="Folds">Number of folds K.</param>
/// <param name="Seed">Seed of the shuffle.</param>
/// <param name="Usable">Whether every fold's fit converged.</param>
/// <param name="Mean">Mean over folds of each held-out measure; n is the number of held-out rows.</param>
/// <param name="Pooled">Errors of all held-out predictions pooled.</param>
/// <param name="FoldResults">Each fold.</param>
public sealed record CrossValidationDocument(
    int SchemaVersion,
    string Kind,
    string Law,
    string Target,
    int Folds,
    int Seed,
    bool Usable,
    ErrorMeasuresEntry Mean,
    ErrorMeasuresEntry Pooled,
    ImmutableArray<CrossValidationFoldEntry> FoldResults);
