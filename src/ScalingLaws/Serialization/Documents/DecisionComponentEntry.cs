namespace ScalingLaws.Serialization.Documents;

/// <summary>One component of a decision.</summary>
/// <param name="Name">Component name.</param>
/// <param name="Estimate">Value under the point fits.</param>
/// <param name="Lower">Lower end of its interval.</param>
/// <param name="Upper">Upper end.</param>
public sealed record DecisionComponentEntry(
    string Name,
    double Estimate,
    double Lower,
    double Upper);
