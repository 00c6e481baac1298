namespace ScalingLaws.Optimization.Continual;

/// <summary>The critical mixture ratio at one token budget.</summary>
/// <param name="Tokens">The token budget T (in the unit of the law).</param>
/// <param name="Ratio">The critical domain share, or null when no share meets the tolerance.</param>
/// <param name="Detail">The full search result when the ratio was solved from a general-loss law; null when it came from a CMR tokens law.</param>
public sealed record CriticalRatioPoint(double Tokens, double? Ratio, CriticalMixtureRatioResult? Detail);
