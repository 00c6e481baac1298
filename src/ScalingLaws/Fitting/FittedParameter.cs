namespace ScalingLaws.Fitting;

/// <summary>One parameter of a fit result.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Value">Fitted value θ̂.</param>
/// <param name="StandardError">√Cov(θ̂)ⱼⱼ, or <c>null</c> when the covariance is unavailable or the parameter is fixed or at a bound.</param>
/// <param name="Lower">Lower bound used by the fit.</param>
/// <param name="Upper">Upper bound used by the fit.</param>
/// <param name="Initial">Value at the start that produced the best fit.</param>
/// <param name="Bound">Bound state at the solution.</param>
public sealed record FittedParameter(
    string Name, double Value, double? StandardError, double Lower, double Upper, double Initial, BoundState Bound)
{
    /// <summary>True when the parameter ended at one of its bounds.</summary>
    public bool AtBound => Bound is BoundState.AtLower or BoundState.AtUpper;

    /// <summary>Standard error as a percentage of |value|, when both are defined and value ≠ 0.</summary>
    public double? RelativeErrorPercent => StandardError is { } se && Value != 0 ? 100 * se / Math.Abs(Value) : null;
}
