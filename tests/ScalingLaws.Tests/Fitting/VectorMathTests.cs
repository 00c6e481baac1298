using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>The solver's vector operations round exactly as the plain scalar loops they replace.</summary>
public class VectorMathTests
{
    public static TheoryData<int> Lengths() => [0, 1, 3, 4, 5, 7, 8, 15, 16, 17, 33, 240, 251];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SumsAreInIndexOrder(int n)
    {
        var random = new Random(n);
        double[][] v = [.. Enumerable.Range(0, 5).Select(_ => Vector(random, n))];
        Assert.Equal(Bits(Sequential(v[0], v[1])), Bits(VectorMath.Dot(v[0], v[1])));
        Assert.Equal(Bits(Sequential(v[2], v[2])), Bits(VectorMath.SumOfSquares(v[2])));
        var (a, b, c, d) = VectorMath.Dot4(v[0], v[1], v[2], v[3], v[4]);
        Assert.Equal([Bits(Sequential(v[0], v[1])), Bits(Sequential(v[0], v[2])), Bits(Sequential(v[0], v[3])), Bits(Sequential(v[0], v[4]))],
            [Bits(a), Bits(b), Bits(c), Bits(d)]);
        var (e, f, g, h) = VectorMath.DotPairs(v[0], v[1], v[1], v[1], v[2], v[3], v[4], v[0]);
        Assert.Equal([Bits(Sequential(v[0], v[1])), Bits(Sequential(v[1], v[1])), Bits(Sequential(v[2], v[3])), Bits(Sequential(v[4], v[0]))],
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

    private static double Sequential(double[] x, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
