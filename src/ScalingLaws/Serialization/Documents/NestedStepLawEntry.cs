using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A step law of stage 1.</summary>
/// <param name="Runs">Runs it was fitted to.</param>
/// <param name="Alpha">Step exponent α.</param>
/// <param name="HoldOutMae">MAE on the held-out last steps.</param>
/// <param name="Usable">Whether the fit converged.</param>
public sealed record NestedStepLawEntry(
    ImmutableArray<string> Runs,
    double Alpha,
    double HoldOutMae,
    bool Usable);
