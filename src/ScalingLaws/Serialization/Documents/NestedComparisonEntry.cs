using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>Nested against direct laws.</summary>
/// <param name="Laws">Direct laws.</param>
/// <param name="Rows">One per mixture.</param>
public sealed record NestedComparisonEntry(
    ImmutableArray<string> Laws,
    ImmutableArray<NestedComparisonRowEntry> Rows);
