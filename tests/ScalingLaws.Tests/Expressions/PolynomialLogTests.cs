using System.Runtime.Intrinsics;
using ScalingLaws.Expressions;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

/// <summary><see cref="PolynomialLog"/>: within 1 ulp of <see cref="Math.Log(double)"/>, its special values, and the same bits one value or four at a time.</summary>
public class PolynomialLogTests
{
    private static readonly double[] Edges =
    [
        1, 2, 0.5, Math.Sqrt(2), Math.Sqrt(0.5), Math.BitDecrement(Math.Sqrt(2)), Math.BitIncrement(Math.Sqrt(2)), Math.BitDecrement(1), Math.BitIncrement(1),
        Math.E, 10, 1e-300, 1e300, double.MaxValue, double.Epsilon, 2.2250738585072014e-308, 2.2250738585072009e-308, 1e-310,
        0, -0.0, -1, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    ];

    private static IEnumerable<double> Samples()
    {
        var random = new Random(12);
        foreach (double x in Edges) yield return x;
        for (int i = 0; i < 40_000; i++)
        {
            yield return (i % 4) switch
            {
                0 => Math.Exp((2 * random.NextDouble() - 1) * 700),
                1 => 1 + (2 * random.NextDouble() - 1) * 0.5,
                2 => 1 + (2 * random.NextDouble() - 1) * 1e-7,
                _ => random.NextDouble() * 1e-310,
            };
        }
    }

    private static long UlpDistance(double a, double b) => Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));

    [Fact]
    public void WithinOneUlpOfTheCLibrary()
    {
        int exact = 0, count = 0;
        foreach (double x in Samples())
        {
            double expected = Math.Log(x), actual = PolynomialLog.Log(x);
            count++;
            if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"log({x:R})"); continue; }
            Assert.True(Math.Sign(expected) == Math.Sign(actual) && UlpDistance(expected, actual) <= 1, $"log({x:R}) = {actual:R}, C library {expected:R}");
            if (expected == actual) exact++;
        }
        Assert.True(exact > 0.9 * count, $"{exact} of {count} equal to the C library's result");
    }

    [Fact]
    public void SpecialValuesAreThoseOfLog()
    {
        Assert.Equal(0.0, PolynomialLog.Log(1));
        Assert.Equal(double.NegativeInfinity, PolynomialLog.Log(0));
        Assert.Equal(double.NegativeInfinity, PolynomialLog.Log(-0.0));
        Assert.Equal(double.PositiveInfinity, PolynomialLog.Log(double.PositiveInfinity));
        Assert.True(double.IsNaN(PolynomialLog.Log(-1)));
        Assert.True(double.IsNaN(PolynomialLog.Log(double.NegativeInfinity)));
        Assert.True(double.IsNaN(PolynomialLog.Log(double.NaN)));
        Assert.Equal(Math.Log(double.Epsilon), PolynomialLog.Log(double.Epsilon));
    }

    [Fact]
    public void FourAtATimeGiveTheSameBitsAsOneAtATime()
    {
        var xs = Samples().ToArray();
        for (int i = 0; i + 4 <= xs.Length; i += 4)
        {
            var four = PolynomialLog.Log(Vector256.Create(xs[i], xs[i + 1], xs[i + 2], xs[i + 3]));
            for (int j = 0; j < 4; j++)
            {
                double one = PolynomialLog.Log(xs[i + j]);
                Assert.True(BitConverter.DoubleToInt64Bits(one) == BitConverter.DoubleToInt64Bits(four[j]) || (double.IsNaN(one) && double.IsNaN(four[j])),
                    $"log({xs[i + j]:R}): {one:R} one at a time, {four[j]:R} four at a time");
            }
        }
    }
}
