using System.Globalization;

namespace ScalingLaws.Fitting;

/// <summary>
/// Soft-L1 loss with scale c: ρ(s) = 2c²(√(1 + s/c²) − 1), computed as 2s/(√(1 + s/c²) + 1) so that it
/// keeps full relative precision for residuals far below the scale.
/// </summary>
/// <param name="Scale">Scale c &gt; 0 of inlier residuals.</param>
public sealed record SoftL1Loss(double Scale) : RobustLoss
{
    /// <inheritdoc />
    public override double Evaluate(double s, out double derivative)
    {
        double c2 = Scale * Scale;
        double root = Math.Sqrt(1 + s / c2);
        derivative = 1 / root;
        return 2 * s / (root + 1);
    }

    /// <inheritdoc />
    public override string ToText() => "soft-l1:" + Scale.ToString("R", CultureInfo.InvariantCulture);
}
