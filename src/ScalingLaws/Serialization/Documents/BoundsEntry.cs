namespace ScalingLaws.Serialization.Documents;

/// <summary>An interval [lower, upper].</summary>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end.</param>
public sealed record BoundsEntry(
    double Lower,
    double Upper);
