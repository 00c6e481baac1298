namespace ScalingLaws.Serialization.Documents;

/// <summary>A critical mixture ratio (<c>"kind": "critical-mixture-ratio"</c>, schema <c>docs/schema/critical-mixture-ratio.schema.json</c>).</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>critical-mixture-ratio</c>.</param>
/// <param name="Status"><c>crossing</c>, <c>all-feasible</c>, <c>upper-bound-feasible</c> or <c>infeasible</c>.</param>
/// <param name="Ratio">The ratio, or null when infeasible.</param>
/// <param name="GeneralLossAtRatio">General loss at the ratio, or null.</param>
/// <param name="Limit">Limit on the general loss.</param>
/// <param name="PreTrainingLoss">General loss before continual pre-training L_g⁰.</param>
/// <param name="Tolerance">How the limit was set from L_g⁰.</param>
/// <param name="ModelSize">N (null when unused).</param>
/// <param name="Tokens">D (null when unused).</param>
public sealed record CriticalRatioDocument(
    int SchemaVersion,
    string Kind,
    string Status,
    double? Ratio,
    double? GeneralLossAtRatio,
    double Limit,
    double PreTrainingLoss,
    ToleranceEntry Tolerance,
    double ModelSize,
    double Tokens);
