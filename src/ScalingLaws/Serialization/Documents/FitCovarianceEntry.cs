using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>
/// The parameter covariance of a <see cref="FitDocument"/>: names and the k×k matrix (row by row), σ̂² and the condition
/// number; when unavailable, empty names and matrix, null numbers and the reason in <see cref="Unavailable"/>.
/// </summary>
/// <param name="Names">Parameters the matrix covers.</param>
/// <param name="Matrix">Rows of the covariance matrix.</param>
/// <param name="ResidualVariance">σ̂² = RSS / (n − k).</param>
/// <param name="ConditionNumber">Condition number of JᵀJ.</param>
/// <param name="Unavailable">Why the covariance is unavailable; null when it is available.</param>
public sealed record FitCovarianceEntry(
    ImmutableArray<string> Names, ImmutableArray<ImmutableArray<double>> Matrix, double ResidualVariance, double ConditionNumber, string? Unavailable);
