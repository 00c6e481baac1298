namespace ScalingLaws.Serialization.Documents;

/// <summary>A constraint of a mixture plan.</summary>
/// <param name="Kind"><c>lower-bound</c>, <c>upper-bound</c>, <c>data-availability</c> or <c>loss-limit</c>.</param>
/// <param name="Description">The constraint in words.</param>
/// <param name="Subject">The domain or loss it applies to.</param>
/// <param name="Value">Value at the plan.</param>
/// <param name="Limit">Its limit.</param>
/// <param name="Slack">Limit minus value (negative when violated).</param>
/// <param name="Multiplier">Lagrange multiplier.</param>
public sealed record ConstraintEntry(
    string Kind,
    string Description,
    string Subject,
    double Value,
    double Limit,
    double Slack,
    double Multiplier);
