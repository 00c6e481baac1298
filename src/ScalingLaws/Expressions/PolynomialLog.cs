using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScalingLaws.Expressions;

/// <summary>
/// log x by argument reduction and a polynomial (fdlibm's method), the same sequence of IEEE operations
/// for one value and for four at a time, so residuals computed row by row and over all rows at once give
/// the same bits on any machine: x = 2ᵏ·m with m ∈ [√2/2, √2), f = m − 1, s = f/(2 + f),
/// log m = f − ½f² + s·(½f² + R(s²)) with R fdlibm's degree-14 minimax polynomial, and
/// log x = k·ln 2 + log m (ln 2 in two parts). Within 1 ulp of the correctly rounded result for
/// positive x; zero, negative, infinite and NaN arguments give <see cref="Math.Log(double)"/>'s result.
/// </summary>
internal static class PolynomialLog
{
    private const double Ln2High = 6.93147180369123816490e-01;  // ln 2 to 32 bits: k·Ln2High is exact for |k| < 2²⁰
    private const double Ln2Low = 1.90821492927058770002e-10;   // ln 2 − Ln2High
    private const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;
    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFF;
    private const long SqrtTwoComplement = 0x0009_5F61_9980_C433;  // 2⁵² − mantissa of √2: the carry into bit 52 marks m ≥ √2
    private const long HiddenBit = 0x0010_0000_0000_0000;
    private const long OneExponent = 0x3FF0_0000_0000_0000;
    private const double SmallestNormal = 2.2250738585072014e-308, TwoTo54 = 18014398509481984.0;  // subnormal x is scaled by 2⁵⁴ first
    private const long IntegerBits = 0x4338_0000_0000_0000;      // 1.5·2⁵²: the bits of 1.5·2⁵² + j for an integer |j| < 2⁵¹ are these plus j
    private const double IntegerShift = 6755399441055744.0;     // 1.5·2⁵²

    /// <summary>log x for one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x)
    {
        if (!(x > 0) || x == double.PositiveInfinity) return Math.Log(x);
        bool subnormal = x < SmallestNormal;
        long bits = BitConverter.DoubleToInt64Bits(subnormal ? x * TwoTo54 : x);
        long mantissa = bits & MantissaMask;
        long carry = (mantissa + SqrtTwoComplement) & HiddenBit;
        double m = BitConverter.Int64BitsToDouble(mantissa | (carry ^ OneExponent));
        long k = (bits >> 52) - (subnormal ? 1023 + 54 : 1023) + (carry >> 52);
        double dk = BitConverter.Int64BitsToDouble(IntegerBits + k) - IntegerShift;
        double f = m - 1;
        double s = f / (2 + f);
        double z = s * s, w = z * z;
        double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        double r = t2 + t1;
        double hfsq = 0.5 * f * f;
        return dk * Ln2High - ((hfsq - (s * (hfsq + r) + dk * Ln2Low)) - f);
    }

    /// <summary>log x for four values, bit for bit <see cref="Log(double)"/> of each (NaN payloads aside).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        var subnormal = Vector256.LessThan(x, Vector256.Create(SmallestNormal));
        var bits = Vector256.ConditionalSelect(subnormal, x * Vector256.Create(TwoTo54), x).AsInt64();
        var mantissa = bits & Vector256.Create(MantissaMask);
        var carry = (mantissa + Vector256.Create(SqrtTwoComplement)) & Vector256.Create(HiddenBit);
        var m = (mantissa | (carry ^ Vector256.Create(OneExponent))).AsDouble();
        var bias = Vector256.ConditionalSelect(subnormal.AsInt64(), Vector256.Create(1023L + 54), Vector256.Create(1023L));
        var k = Vector256.ShiftRightLogical(bits, 52) - bias + Vector256.ShiftRightLogical(carry, 52);
        var dk = (Vector256.Create(IntegerBits) + k).AsDouble() - Vector256.Create(IntegerShift);
        var f = m - Vector256<double>.One;
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Vector256.Create(Lg2) + w * (Vector256.Create(Lg4) + w * Vector256.Create(Lg6)));
        var t2 = z * (Vector256.Create(Lg1) + w * (Vector256.Create(Lg3) + w * (Vector256.Create(Lg5) + w * Vector256.Create(Lg7))));
        var r = t2 + t1;
        var hfsq = Vector256.Create(0.5) * f * f;
        var value = dk * Vector256.Create(Ln2High) - ((hfsq - (s * (hfsq + r) + dk * Vector256.Create(Ln2Low))) - f);
        // Math.Log's special values: −∞ at ±0, NaN below 0 and at NaN, +∞ at +∞.
        var special = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), Vector256.Create(double.NegativeInfinity), Vector256.Create(double.NaN));
        value = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.Zero), value, special);
        return Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(double.PositiveInfinity)), x, value);
    }
}
