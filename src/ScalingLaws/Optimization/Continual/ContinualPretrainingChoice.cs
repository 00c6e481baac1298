namespace ScalingLaws.Optimization.Continual;

/// <summary>A domain share chosen for continual pre-training (D-CPT usages 1 and 2), with the losses it predicts.</summary>
/// <param name="IsFeasible">Whether the general-loss limit can be met at all.</param>
/// <param name="DomainShare">The chosen domain share r_d (for an infeasible problem, the share with the lowest general loss).</param>
/// <param name="DomainLoss">Predicted domain loss at the choice.</param>
/// <param name="GeneralLoss">Predicted general loss at the choice (null without a general law).</param>
/// <param name="GeneralLimit">The limit on the general loss (null without one).</param>
/// <param name="LimitActive">Whether the general-loss limit binds at the choice.</param>
/// <param name="ModelSize">N used (NaN when the laws do not read it).</param>
/// <param name="Tokens">D used: the budget, or D_d/r_d with limited domain data (NaN when the laws do not read it).</param>
/// <param name="Message">A one-line explanation.</param>
[ScalingLaws.Display.TypeFormatterSource(typeof(ScalingLaws.Display.NotebookFormatters))]
public sealed record ContinualPretrainingChoice(bool IsFeasible, double DomainShare, double DomainLoss, double? GeneralLoss, double? GeneralLimit,
    bool LimitActive, double ModelSize, double Tokens, string Message);
