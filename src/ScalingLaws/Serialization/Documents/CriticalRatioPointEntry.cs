namespace ScalingLaws.Serialization.Documents;

/// <summary>One point of a critical-ratio curve.</summary>
/// <param name="Tokens">Tokens D.</param>
/// <param name="Ratio">The ratio, or null when infeasible.</param>
/// <param name="Status">Status when solved from a general-loss law, else null.</param>
/// <param name="GeneralLossAtRatio">General loss at the ratio, or null.</param>
/// <param name="Limit">Limit on the general loss, or null.</param>
public sealed record CriticalRatioPointEntry(
    double Tokens,
    double? Ratio,
    string? Status,
    double? GeneralLossAtRatio,
    double? Limit);
