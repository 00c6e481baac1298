using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The objective of a mixture plan.</summary>
/// <param name="Kind"><c>target</c>, <c>weighted-sum</c> or <c>worst</c>.</param>
/// <param name="Losses">The losses it reads, with their weights.</param>
/// <param name="Description">The objective in words.</param>
/// <param name="Value">Its value at the plan.</param>
public sealed record PlanObjectiveEntry(
    string Kind,
    ImmutableArray<ObjectiveLossEntry> Losses,
    string Description,
    double Value);
