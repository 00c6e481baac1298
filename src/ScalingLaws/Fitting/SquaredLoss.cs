namespace ScalingLaws.Fitting;

/// <summary>ρ(s) = s: ordinary least squares; objective ½Σr².</summary>
public sealed record SquaredLoss : RobustLoss
{
    /// <summary>The single instance.</summary>
    public static SquaredLoss Instance { get; } = new();

    /// <inheritdoc />
    public override double Evaluate(double s, out double derivative) { derivative = 1; return s; }

    /// <inheritdoc />
    public override string ToText() => "l2";
}
