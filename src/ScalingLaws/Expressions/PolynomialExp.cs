using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScalingLaws.Expressions;

/// <summary>
/// eˣ by argument reduction and a polynomial, the same sequence of IEEE operations for one value and for
/// four at a time, so a law evaluated row by row and over all rows at once gives the same bits on any
/// machine: eˣ = 2ᵏ·p(r) with k = round(x/ln 2), r = x − k·ln 2 (ln 2 in two parts, |r| ≤ ½ln 2), p the
/// Taylor polynomial of degree 13 by Horner's rule with fused multiply–adds, and 2ᵏ applied as two
/// exact powers of two (one rounding, also for subnormal results). Within 1 ulp of the correctly rounded
/// result; 0 below −746, +∞ above 710, NaN for NaN, like <see cref="FastMath.Exp"/>.
/// </summary>
internal static class PolynomialExp
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2High = 6.93147180369123816490e-01;  // ln 2 to 32 bits: k·Ln2High is exact for |k| < 2²⁰
    private const double Ln2Low = 1.90821492927058770002e-10;   // ln 2 − Ln2High
    private const double RoundingShift = 6755399441055744.0;    // 1.5·2⁵²: v + shift − shift rounds v to an integer (ties to even)
    private const double Lowest = -746, Highest = 710;

    // 1/j! for j = 13 … 2.
    private const double C13 = 1.0 / 6227020800, C12 = 1.0 / 479001600, C11 = 1.0 / 39916800, C10 = 1.0 / 3628800;
    private const double C9 = 1.0 / 362880, C8 = 1.0 / 40320, C7 = 1.0 / 5040, C6 = 1.0 / 720, C5 = 1.0 / 120;
    private const double C4 = 1.0 / 24, C3 = 1.0 / 6, C2 = 0.5;

    /// <summary>eˣ for one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x)
    {
        if (x < Lowest) return 0;
        if (x > Highest) return double.PositiveInfinity;
        if (double.IsNaN(x)) return x;
        double shifted = x * Log2E + RoundingShift;
        double k = shifted - RoundingShift;
        long exponent = BitConverter.DoubleToInt64Bits(shifted) - BitConverter.DoubleToInt64Bits(RoundingShift);
        double r = Math.FusedMultiplyAdd(-k, Ln2Low, Math.FusedMultiplyAdd(-k, Ln2High, x));
        double p = C13;
        p = Math.FusedMultiplyAdd(p, r, C12);
        p = Math.FusedMultiplyAdd(p, r, C11);
        p = Math.FusedMultiplyAdd(p, r, C10);
        p = Math.FusedMultiplyAdd(p, r, C9);
        p = Math.FusedMultiplyAdd(p, r, C8);
        p = Math.FusedMultiplyAdd(p, r, C7);
        p = Math.FusedMultiplyAdd(p, r, C6);
        p = Math.FusedMultiplyAdd(p, r, C5);
        p = Math.FusedMultiplyAdd(p, r, C4);
        p = Math.FusedMultiplyAdd(p, r, C3);
        p = Math.FusedMultiplyAdd(p, r, C2);
        p = Math.FusedMultiplyAdd(p, r, 1);
        p = Math.FusedMultiplyAdd(p, r, 1);
        long half = exponent >> 1;
        return p * BitConverter.Int64BitsToDouble((half + 1023) << 52) * BitConverter.Int64BitsToDouble((exponent - half + 1023) << 52);
    }

    /// <summary>eˣ for four values, bit for bit <see cref="Exp(double)"/> of each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        var low = Vector256.LessThan(x, Vector256.Create(Lowest));
        var high = Vector256.GreaterThan(x, Vector256.Create(Highest));
        var inRange = Vector256.GreaterThanOrEqual(x, Vector256.Create(Lowest)) & Vector256.LessThanOrEqual(x, Vector256.Create(Highest));
        x = Vector256.ConditionalSelect(inRange, x, Vector256<double>.Zero);
        var shift = Vector256.Create(RoundingShift);
        var shifted = x * Vector256.Create(Log2E) + shift;
        var k = shifted - shift;
        var exponent = shifted.AsInt64() - shift.AsInt64();
        var r = Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2Low), Vector256.FusedMultiplyAdd(-k, Vector256.Create(Ln2High), x));
        var p = Vector256.Create(C13);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C12));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C11));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C10));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C9));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C8));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C7));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C2));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        var half = Vector256.ShiftRightArithmetic(exponent, 1);
        var bias = Vector256.Create(1023L);
        var value = p * Vector256.ShiftLeft(half + bias, 52).AsDouble() * Vector256.ShiftLeft(exponent - half + bias, 52).AsDouble();
        value = Vector256.ConditionalSelect(inRange, value, Vector256.Create(double.NaN));
        value = Vector256.ConditionalSelect(low, Vector256<double>.Zero, value);
        return Vector256.ConditionalSelect(high, Vector256.Create(double.PositiveInfinity), value);
    }
}
