namespace ScalingLaws.Optimization.Mixtures;

/// <summary>The state of one constraint at a mixture: value, limit, slack and Lagrange multiplier.</summary>
/// <param name="Kind">Kind of constraint.</param>
/// <param name="Description">What it says, e.g. <c>w_pile_cc ≤ 0.3 (data availability: 3e+09 unique tokens × 1 epochs at D = 1e+10)</c>.</param>
/// <param name="Subject">The domain (bounds, availability) or loss (loss limits) constrained.</param>
/// <param name="Value">Current value (weight or loss).</param>
/// <param name="Limit">The bound or limit.</param>
/// <param name="Slack">Distance to the limit on the allowed side (negative when violated).</param>
/// <param name="Multiplier">Lagrange multiplier (≥ 0; 0 when inactive): the rate at which the objective would fall if the limit were relaxed by one unit.</param>
public sealed record ConstraintReport(ConstraintKind Kind, string Description, string Subject, double Value, double Limit, double Slack, double Multiplier)
{
    /// <summary>Amount by which the constraint is violated (0 when satisfied).</summary>
    public double Violation => Math.Max(0, -Slack);
}
