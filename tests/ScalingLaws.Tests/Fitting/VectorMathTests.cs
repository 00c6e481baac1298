using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// The solver's vector operations round exactly as the scalar loops that define them: element-wise
/// operations as plain loops, sums in the fixed order of <see cref="VectorMath.Dot"/>.
/// </summary>
public class VectorMathTests
{
    public static TheoryData<int> Lengths() => [0, 1, 3, 4, 5, 7, 8, 15, 16, 17, 33, 240, 251];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SumsFollowTheDocumentedOrder(int n)
    {
        var random = new Random(n);
        double[][] v = [.. Enumerable.Range(0, 5).Select(_ => Vector(random, n))];
        Assert.Equal(Bits(Ordered(v[0], v[1])), Bits(VectorMath.Dot(v[0], v[1])));
        Assert.Equal(Bits(Ordered(v[2], v[2])), Bits(VectorMath.SumOfSquares(v[2])));
        var (a, b, c, d) = VectorMath.Dot4(v[0], v[1], v[2], v[3], v[4]);
        Assert.Equal([Bits(Ordered(v[0], v[1])), Bits(Ordered(v[0], v[2])), Bits(Ordered(v[0], v[3])), Bits(Ordered(v[0], v[4]))],
            [Bits(a), Bits(b), Bits(c), Bits(d)]);
        var (e, f, g, h) = VectorMath.DotPairs(v[0], v[1], v[1], v[1], v[2], v[3], v[4], v[0]);
        Assert.Equal([Bits(Ordered(v[0], v[1])), Bits(Ordered(v[1], v[1])), Bits(Ordered(v[2], v[3])), Bits(Ordered(v[4], v[0]))],
            [Bits(e), Bits(f), Bits(g), Bits(h)]);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ElementwiseOperationsRoundAsScalarLoops(int n)
    {
        var random = new Random(n + 100);
        double[] x = Vector(random, n), y = Vector(random, n);
        double a = random.NextDouble() * 3 - 1.5;
        var expected = (double[])y.Clone();
        for (int i = 0; i < n; i++) expected[i] += x[i] * a;
        var actual = (double[])y.Clone();
        VectorMath.AddScaled(a, x, actual);
        Assert.Equal(expected.Select(Bits), actual.Select(Bits));

        var product = new double[n];
        VectorMath.Multiply(x, y, product);
        Assert.Equal(x.Zip(y, (p, q) => Bits(p * q)), product.Select(Bits));
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AllFiniteFindsEveryNonFiniteValue(int n)
    {
        var random = new Random(n + 200);
        double[] x = Vector(random, n);
        Assert.True(VectorMath.AllFinite(x));
        for (int i = 0; i < n; i++)
        {
            foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                var y = (double[])x.Clone();
                y[i] = bad;
                Assert.False(VectorMath.AllFinite(y));
            }
        }
        Assert.True(VectorMath.AllFinite([double.MaxValue, -double.MaxValue, double.Epsilon, -0.0]));
    }

    private static double[] Vector(Random random, int n) =>
        [.. Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9)))];

    /// <summary>Eight partial sums over i ≡ r (mod 8) below the largest multiple of 8, combined pairwise, then the tail in index order.</summary>
    private static double Ordered(double[] x, double[] y)
    {
        int m = x.Length / 8 * 8;
        var s = new double[8];
        for (int i = 0; i < m; i++) s[i % 8] += x[i] * y[i];
        double sum = ((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]));
        for (int i = m; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    [Fact]
    public void SubtractRoundsAsTheScalarLoop()
    {
        var random = new Random(7);
        foreach (int n in new[] { 0, 1, 5, 8, 13, 251 })
        {
            double[] a = Vector(random, n), b = Vector(random, n), d = new double[n];
            VectorMath.Subtract(a, b, d);
            Assert.Equal(a.Zip(b, (p, q) => Bits(p - q)), d.Select(Bits));
        }
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
