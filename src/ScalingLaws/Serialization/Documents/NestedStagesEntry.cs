using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The three stages of a nested fit.</summary>
/// <param name="StepLaws">Stage 1, one per group of runs.</param>
/// <param name="SizeLaw">Stage 2.</param>
/// <param name="MixtureLaws">Stage 3, one per target.</param>
public sealed record NestedStagesEntry(
    ImmutableArray<NestedStepLawEntry> StepLaws,
    NestedSizeLawEntry SizeLaw,
    ImmutableArray<NestedMixtureLawEntry> MixtureLaws);
