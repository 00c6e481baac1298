using System.Runtime.Intrinsics;
using ScalingLaws.Expressions;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

/// <summary><see cref="PolynomialExp"/>: within 1 ulp of <see cref="Math.Exp"/>, and the same bits one value or four at a time.</summary>
public class PolynomialExpTests
{
    private static readonly double[] Edges =
    [
        0, -0.0, 1, -1, 1e-300, -1e-300, Math.Log(2), 0.5 * Math.Log(2), -0.5 * Math.Log(2), 0.34657359027997264,
        709.7, 709.782712893384, 709.7827128933841, 709.79, 710, 710.0000001, 800,
        -708.3964185322641, -708.4, -720, -745.1332191019411, -745.14, -746, -746.0000001, -800,
        double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    ];

    private static IEnumerable<double> Samples()
    {
        var random = new Random(12);
        foreach (double x in Edges) yield return x;
        for (int i = 0; i < 30_000; i++)
        {
            double scale = (i % 4) switch { 0 => 750, 1 => 40, 2 => 1, _ => 1e-6 };
            yield return (2 * random.NextDouble() - 1) * scale;
        }
    }

    private static long UlpDistance(double a, double b) => Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    [Fact]
    public void WithinOneUlpOfTheCLibrary()
    {
        int exact = 0, count = 0;
        foreach (double x in Samples())
        {
            double expected = Math.Exp(x), actual = PolynomialExp.Exp(x);
            count++;
            if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"exp({x:R})"); continue; }
            Assert.True(UlpDistance(expected, actual) <= 1, $"exp({x:R}) = {actual:R}, C library {expected:R}");
            if (expected == actual) exact++;
        }
        Assert.True(exact > 0.9 * count, $"{exact} of {count} equal to the C library's result");
    }

    [Fact]
    public void SpecialValuesAreThoseOfExp()
    {
        Assert.Equal(1.0, PolynomialExp.Exp(0));
        Assert.Equal(1.0, PolynomialExp.Exp(-0.0));
        Assert.Equal(0.0, PolynomialExp.Exp(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, PolynomialExp.Exp(double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, PolynomialExp.Exp(709.79));
        Assert.Equal(0.0, PolynomialExp.Exp(-745.14));
        Assert.Equal(double.Epsilon, PolynomialExp.Exp(-745));
        Assert.True(double.IsNaN(PolynomialExp.Exp(double.NaN)));
    }

    [Fact]
    public void FourAtATimeGiveTheSameBitsAsOneAtATime()
    {
        var xs = Samples().ToArray();
        for (int i = 0; i + 4 <= xs.Length; i += 4)
        {
            var four = PolynomialExp.Exp(Vector256.Create(xs[i], xs[i + 1], xs[i + 2], xs[i + 3]));
            for (int j = 0; j < 4; j++)
            {
                double one = PolynomialExp.Exp(xs[i + j]);
                Assert.True(BitConverter.DoubleToInt64Bits(one) == BitConverter.DoubleToInt64Bits(four[j]) || (double.IsNaN(one) && double.IsNaN(four[j])),
                    $"exp({xs[i + j]:R}): {one:R} one at a time, {four[j]:R} four at a time");
            }
        }
    }
}
