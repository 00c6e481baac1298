using System.Globalization;

namespace ScalingLaws.Fitting;

/// <summary>
/// Huber loss with threshold δ: ½ρ(r²) = r²/2 for |r| ≤ δ and δ(|r| − δ/2) otherwise
/// (ρ(s) = s for s ≤ δ², 2δ√s − δ² beyond).
/// </summary>
/// <param name="Delta">Threshold δ &gt; 0 between the quadratic and linear regions.</param>
public sealed record HuberLoss(double Delta) : RobustLoss
{
    /// <inheritdoc />
    public override double Evaluate(double s, out double derivative)
    {
        if (s <= Delta * Delta) { derivative = 1; return s; }
        double r = Math.Sqrt(s);
        derivative = Delta / r;
        return 2 * Delta * r - Delta * Delta;
    }

    /// <inheritdoc />
    public override string ToText() => "huber:" + Delta.ToString("R", CultureInfo.InvariantCulture);
}
