namespace ScalingLaws.Optimization.Continual;

/// <summary>The critical mixture ratio: the largest domain share whose general loss stays within the tolerance.</summary>
/// <param name="Status">What the search found.</param>
/// <param name="Ratio">The critical domain share in [0, 1]; null when <see cref="CriticalMixtureRatioStatus.Infeasible"/>.</param>
/// <param name="GeneralLossAtRatio">The general loss at <paramref name="Ratio"/> (nats/token); null when infeasible.</param>
/// <param name="Limit">The largest allowed general loss (nats/token).</param>
/// <param name="PreTrainingLoss">The general loss before continual pre-training, L₀ (nats/token).</param>
/// <param name="Tolerance">The tolerance that set <paramref name="Limit"/>.</param>
[ScalingLaws.Display.TypeFormatterSource(typeof(ScalingLaws.Display.NotebookFormatters))]
public sealed record CriticalMixtureRatioResult(
    CriticalMixtureRatioStatus Status,
    double? Ratio,
    double? GeneralLossAtRatio,
    double Limit,
    double PreTrainingLoss,
    LossTolerance Tolerance)
{
    /// <summary>True when some share meets the tolerance.</summary>
    public bool IsFeasible => Status != CriticalMixtureRatioStatus.Infeasible;
}
