using System.Globalization;
using ScalingLaws.Expressions;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

/// <summary>
/// Double-double arithmetic against constants known to 40 digits (computed with mpmath at 80 digits):
/// every function to within 10⁻³⁰ relative, far beyond what a double can hold.
/// </summary>
public class DoubleDoubleTests
{
    private const double Tolerance = 1e-30;

    private static DoubleDouble D(string text) => DoubleDouble.Parse(text);

    private static void AssertClose(string expected, DoubleDouble actual, double tolerance = Tolerance)
    {
        var e = D(expected);
        double relative = Math.Abs((actual - e).Hi / e.Hi);
        Assert.True(relative <= tolerance, $"expected {expected}, got {actual} (relative error {relative:G3})");
    }

    [Fact]
    public void ParsesAndPrintsThirtyTwoDigits()
    {
        var e = D("2.718281828459045235360287471352662497757");
        Assert.Equal(2.718281828459045, e.Hi);
        Assert.Equal(1.4456468917292502e-16, e.Lo);
        Assert.StartsWith("2.71828182845904523536028747135", e.ToString(), StringComparison.Ordinal);
        AssertClose("-1.234567890123456789012345678901e-250", D("-0.000001234567890123456789012345678901e-244"));
        AssertClose("1234567890123456789012345678901.2", D("12345678901234567890123456789012e-1"), 1e-31);
        Assert.Throws<FormatException>(() => D("1.2.3"));
        Assert.Throws<FormatException>(() => D("e5"));
    }

    [Fact]
    public void ConstantsAreExactToTheLastBit()
    {
        AssertClose("0.6931471805599453094172321214581765680755", DoubleDouble.Ln2, 1e-32);
        AssertClose("3.141592653589793238462643383279502884197", DoubleDouble.Pi, 1e-32);
    }

    [Fact]
    public void ArithmeticIsAccurateBeyondDouble()
    {
        var third = DoubleDouble.One / 3;
        AssertClose("0.3333333333333333333333333333333333333333", third, 1e-31);
        AssertClose("1", third * 3, 1e-31);
        // (1 + 2⁻⁶⁰) − 1 is lost in double, kept here.
        var tiny = (DoubleDouble.One + Math.ScaleB(1.0, -60)) - 1;
        Assert.Equal(Math.ScaleB(1.0, -60), (double)tiny);
        AssertClose("0.1", D("0.7") - D("0.6"), 1e-30);
        AssertClose("1.1", D("1.21") / D("1.1"), 1e-31);
        Assert.True(D("0.1") < D("0.1000000000000000000000000001"));
        var same = DoubleDouble.One / 3;
        Assert.True(-third < third && third > -third && third <= same && third >= same && third == same);
    }

    [Theory]
    [InlineData(1.0, "2.718281828459045235360287471352662497757")]
    [InlineData(-7.5, "0.0005530843701478335831020000885303571978113")]
    [InlineData(700.0, "1.014232054735004509455329595231267615205e304")]
    [InlineData(1e-10, "1.000000000100000000005000000000166666667")]
    public void Exp(double x, string expected) => AssertClose(expected, DoubleDouble.Exp(DoubleDouble.FromDecimal(x)));

    [Fact]
    public void ExpOfSmallDecimalsAndExtremes()
    {
        AssertClose("1.000000000100000000005000000000166666667", DoubleDouble.Exp(D("1e-10")));
        Assert.Equal(double.PositiveInfinity, (double)DoubleDouble.Exp(800));
        Assert.Equal(0.0, (double)DoubleDouble.Exp(-800));
        Assert.Equal(1.0, (double)DoubleDouble.Exp(0));
    }

    [Fact]
    public void LogSqrtPow()
    {
        AssertClose("2.302585092994045684017991454684364207601", DoubleDouble.Log(10));
        AssertClose("-6.907755278982137052053974364053092622803", DoubleDouble.Log(D("0.001")));
        // Near 1 the logarithm keeps its relative precision (inputs exact: 1 + 2⁻³⁰, 1 − 2⁻²⁰).
        AssertClose("9.313225741817976469000627485243784799078e-10", DoubleDouble.Log(1 + Math.ScaleB(1.0, -30)));
        AssertClose("-9.53674771153890007250243736279163253167e-7", DoubleDouble.Log(1 - Math.ScaleB(1.0, -20)));
        AssertClose("1.41421356237309504880168872420969807857", DoubleDouble.Sqrt(2));
        AssertClose("1.732050807568877293527446341505872366943", DoubleDouble.Sqrt(3));
        AssertClose("1.116123174033904434442614138377092581118", DoubleDouble.Pow(3, D("0.1")));
        AssertClose("117.390852879695316506666495990358319939", DoubleDouble.Pow(D("1.1"), 50));
        AssertClose("0.008518551279500640612110176241233277887614", DoubleDouble.Pow(D("1.1"), -50));
        Assert.Equal(0.0, (double)DoubleDouble.Log(1));
        Assert.True(double.IsNaN((double)DoubleDouble.Log(-1)));
        Assert.True(double.IsNaN((double)DoubleDouble.Sqrt(-1)));
        Assert.Equal(double.PositiveInfinity, (double)DoubleDouble.Pow(0, -2));
        Assert.True(double.IsNaN((double)DoubleDouble.Pow(-2, D("0.5"))));
        Assert.Equal(-8.0, (double)DoubleDouble.Pow(-2, 3));
    }

    [Fact]
    public void Trigonometry()
    {
        AssertClose("0.8414709848078965066525023216302989996226", DoubleDouble.Sin(1));
        AssertClose("0.5403023058681397174009366074429766037323", DoubleDouble.Cos(1));
        AssertClose("1.557407724654902230506974807458360173087", DoubleDouble.Tan(1));
        AssertClose("-0.506365641109758793656557610459785432065", DoubleDouble.Sin(100));
        AssertClose("0.9367521275331447869385325350749187757081", DoubleDouble.Cos(1e6), 1e-29);
        AssertClose("0.3217505543966421934014046143586613190208", DoubleDouble.Atan(DoubleDouble.One / 3));
        AssertClose("1.471127674303734591852875571761730851855", DoubleDouble.Atan(10));
        AssertClose("-0.000009999999999666666666686666666665238095238", DoubleDouble.Atan(D("-1e-5")));
    }

    [Fact]
    public void IdentitiesHoldToThirtyDigits()
    {
        foreach (double v in new[] { 1e-250, 1e-20, 0.37, 1, 2.5, 55.3, 1e10, 1e300 })
        {
            var x = DoubleDouble.FromDecimal(v);
            // exp amplifies the absolute error of log (about 10⁻³² relative) by |log x|.
            AssertClose(x.ToString(), DoubleDouble.Exp(DoubleDouble.Log(x)), 1e-31 * (1 + Math.Abs(Math.Log(v))));
            AssertClose(x.ToString(), DoubleDouble.Sqrt(x) * DoubleDouble.Sqrt(x), 1e-31);
        }
        foreach (double v in new[] { 0.1, 0.7, 1.3, 2.9, 5, 40 })
        {
            var x = DoubleDouble.FromDecimal(v);
            var s = DoubleDouble.Sin(x);
            var c = DoubleDouble.Cos(x);
            AssertClose("1", s * s + c * c, 1e-31);
            AssertClose(s.ToString(), DoubleDouble.Tan(x) * c, 1e-30);
        }
    }

    [Fact]
    public void FromDecimalReadsShortDecimalsAndKeepsComputedValues()
    {
        AssertClose("0.1", DoubleDouble.FromDecimal(0.1), 1e-32);
        AssertClose("-2.044333373291", DoubleDouble.FromDecimal(-2.044333373291), 1e-32);
        AssertClose("6.239312536719e-2", DoubleDouble.FromDecimal(0.06239312536719), 1e-32);
        AssertClose("1e-200", DoubleDouble.FromDecimal(1e-200), 1e-31);
        AssertClose("1.5e250", DoubleDouble.FromDecimal(1.5e250), 1e-31);
        // Sixteen or seventeen digits: a computed value, kept exactly.
        var third = DoubleDouble.FromDecimal(1.0 / 3);
        Assert.Equal(1.0 / 3, third.Hi);
        Assert.Equal(0.0, third.Lo);
        Assert.Equal(0.0, DoubleDouble.FromDecimal(Math.PI).Lo);
        Assert.Equal(0.0, DoubleDouble.FromDecimal(12345.0).Lo);
    }

    [Fact]
    public void FromDecimalAgreesWithTheShortestRoundTripText()
    {
        var random = new Random(20240611);
        for (int t = 0; t < 20000; t++)
        {
            double v = t % 2 == 0
                ? Math.Round(random.NextDouble(), random.Next(1, 16)) * Math.Pow(10, random.Next(-30, 30))
                : BitConverter.Int64BitsToDouble(random.NextInt64(0x0010000000000000, 0x7FE0000000000000));
            if (random.Next(2) == 0) v = -v;
            string text = v.ToString("R", CultureInfo.InvariantCulture);
            int digits = text.Split('E')[0].TrimStart('-').Replace(".", "", StringComparison.Ordinal).Trim('0').Length;
            var actual = DoubleDouble.FromDecimal(v);
            Assert.Equal(v, (double)actual);
            if (digits <= 15 && Math.Abs(v) >= 1e-280 && Math.Abs(v) <= 1e280)
                AssertClose(text, actual, 1e-31);
            else
                Assert.Equal(0.0, actual.Lo);
        }
    }
}
