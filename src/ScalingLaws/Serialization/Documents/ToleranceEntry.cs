namespace ScalingLaws.Serialization.Documents;

/// <summary>A loss tolerance.</summary>
/// <param name="Kind"><c>absolute</c> or <c>relative</c>.</param>
/// <param name="Value">Its value.</param>
public sealed record ToleranceEntry(
    string Kind,
    double Value);
