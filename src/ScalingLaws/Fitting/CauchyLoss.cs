using System.Globalization;

namespace ScalingLaws.Fitting;

/// <summary>
/// Cauchy loss with scale c: ρ(s) = c²·ln(1 + s/c²), with ln(1 + z) computed accurately for small z
/// (ln u · z/(u − 1), u = 1 + z rounded) so that residuals far below the scale keep full relative precision.
/// </summary>
/// <param name="Scale">Scale c &gt; 0 of inlier residuals.</param>
public sealed record CauchyLoss(double Scale) : RobustLoss
{
    /// <inheritdoc />
    public override double Evaluate(double s, out double derivative)
    {
        double c2 = Scale * Scale;
        double z = s / c2, u = 1 + z;
        derivative = 1 / u;
        return u == 1 ? s : s * (Math.Log(u) / (u - 1));
    }

    /// <inheritdoc />
    public override string ToText() => "cauchy:" + Scale.ToString("R", CultureInfo.InvariantCulture);
}
