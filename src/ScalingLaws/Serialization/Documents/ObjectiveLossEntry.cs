namespace ScalingLaws.Serialization.Documents;

/// <summary>One loss of an objective.</summary>
/// <param name="Name">Loss (target) name.</param>
/// <param name="Weight">Its weight.</param>
public sealed record ObjectiveLossEntry(
    string Name,
    double Weight);
