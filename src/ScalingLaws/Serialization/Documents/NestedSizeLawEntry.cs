using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The size law of stage 2.</summary>
/// <param name="Sizes">Model sizes.</param>
/// <param name="Alpha">Size exponent α.</param>
/// <param name="HoldOutMae">MAE at the largest size.</param>
/// <param name="Usable">Whether the fit converged.</param>
public sealed record NestedSizeLawEntry(
    ImmutableArray<double> Sizes,
    double Alpha,
    double HoldOutMae,
    bool Usable);
