using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>One catalogue law.</summary>
/// <param name="Name">Name that <c>--law</c> accepts.</param>
/// <param name="Summary">One-line summary.</param>
/// <param name="Form">General form.</param>
/// <param name="Formula">Formula text.</param>
/// <param name="RequiresDomains">Whether the law reads domain-weight columns.</param>
/// <param name="Variables">Variables in the law's order.</param>
/// <param name="Parameters">Parameters in the law's order.</param>
/// <param name="Citation">Where the law was published.</param>
public sealed record LawEntry(
    string Name,
    string Summary,
    string Form,
    string Formula,
    bool RequiresDomains,
    ImmutableArray<string> Variables,
    ImmutableArray<LawParameterEntry> Parameters,
    string Citation);
