namespace ScalingLaws.Serialization.Documents;

/// <summary>One parameter of a catalogue law.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Lower">Default lower bound (−∞ written null).</param>
/// <param name="Upper">Default upper bound (+∞ written null).</param>
/// <param name="Description">What the parameter means.</param>
public sealed record LawParameterEntry(
    string Name,
    double Lower,
    double Upper,
    string Description);
