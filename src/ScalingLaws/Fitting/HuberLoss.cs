using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    /// <summary>ρ(s) and ρ′(s) of four values, bit for bit <see cref="Evaluate(double, out double)"/> of each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Vector256<double> Evaluate(Vector256<double> s, out Vector256<double> derivative)
    {
        var inside = Vector256.LessThanOrEqual(s, Vector256.Create(Delta * Delta));
        var r = Vector256.Sqrt(s);
        derivative = Vector256.ConditionalSelect(inside, Vector256<double>.One, Vector256.Create(Delta) / r);
        return Vector256.ConditionalSelect(inside, s, Vector256.Create(2 * Delta) * r - Vector256.Create(Delta * Delta));
    }

    /// <inheritdoc />
    public override string ToText() => "huber:" + Delta.ToString("R", CultureInfo.InvariantCulture);
}
