namespace ScalingLaws.Serialization.Documents;

/// <summary>The multi-start summary of a <see cref="FitDocument"/>.</summary>
/// <param name="Tried">Starts run.</param>
/// <param name="Converged">Starts that converged.</param>
/// <param name="Best">Starts that reached the best objective.</param>
/// <param name="BestIndex">Index of the start that produced the fit.</param>
public sealed record FitStartsEntry(int Tried, int Converged, int Best, int BestIndex);
