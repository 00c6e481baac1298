using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>One fold of a cross-validation.</summary>
/// <param name="Fold">Fold number, from 1.</param>
/// <param name="FitRows">Errors on the rows this fold fitted.</param>
/// <param name="HeldOutRows">Errors on its held-out rows.</param>
/// <param name="HeldOutRowIndices">Indices (from 0) of the held-out rows in the data.</param>
/// <param name="Fit">This fold's fit.</param>
public sealed record CrossValidationFoldEntry(
    int Fold,
    ErrorMeasuresEntry FitRows,
    ErrorMeasuresEntry HeldOutRows,
    ImmutableArray<int> HeldOutRowIndices,
    FitDocument Fit);
