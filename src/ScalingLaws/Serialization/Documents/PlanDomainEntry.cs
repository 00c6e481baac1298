namespace ScalingLaws.Serialization.Documents;

/// <summary>One domain of a mixture plan.</summary>
/// <param name="Name">Domain (weight column) name.</param>
/// <param name="Weight">Its weight in the plan.</param>
/// <param name="Interval">Bootstrap interval of the weight, or null without a bootstrap.</param>
/// <param name="RobustWeight">Weight of the robust plan, or null without a bootstrap.</param>
public sealed record PlanDomainEntry(
    string Name,
    double Weight,
    IntervalEntry? Interval,
    double? RobustWeight);
