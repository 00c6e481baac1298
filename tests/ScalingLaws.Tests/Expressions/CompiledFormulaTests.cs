using ScalingLaws.Expressions;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

public class CompiledFormulaTests
{
    private static readonly string[] Columns = ["N", "D", "loss", "h_web"];

    public static TheoryData<string> Filters() =>
    [
        "N > 1e9 && D <= 2e10",
        "N >= 1e9 || loss < 3",
        "loss == 3 || h_web != 0.5",
        "(N < 1) == 0",
        "N < D && D < 1e12 && loss > 2.5",
        "log(N) / log(10) >= 9",
        "h_web * (N > 1e8) + (1 - h_web) * (N <= 1e8)",
        "min(N, D) / max(N, D)",
        "N + pi * D - loss^2 / h_web",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public void CompiledEqualsInterpreterOnAGrid(string text)
    {
        var formula = Formula.Parse(text);
        var compiled = formula.Compile(Columns);
        foreach (double n in new[] { 1e7, 1e8, 1e9, 5e9 })
        foreach (double d in new[] { 1e8, 2e10, 3e11 })
        foreach (double loss in new[] { 2.0, 3.0, 3.5, double.NaN })
        foreach (double h in new[] { 0.0, 0.5, 1.0 })
        {
            double expected = formula.Evaluate(new Dictionary<string, double> { ["N"] = n, ["D"] = d, ["loss"] = loss, ["h_web"] = h });
            double actual = compiled.Evaluate([n, d, loss, h]);
            Assert.True(expected.Equals(actual) || Math.Abs(expected - actual) <= 1e-14 * Math.Abs(expected),
                $"{text} at N={n}, D={d}, loss={loss}, h={h}: expected {expected:R}, got {actual:R}");
        }
    }

    [Theory]
    [InlineData("x^2")]
    [InlineData("x^3")]
    [InlineData("x**4")]
    [InlineData("x^-1")]
    [InlineData("x^-2")]
    [InlineData("x^0.5")]
    [InlineData("x^-0.5")]
    [InlineData("pow(x, 3)")]
    public void SmallIntegerPowersKeepTheSpecialValuesOfMathPow(string text)
    {
        var formula = Formula.Parse(text);
        var compiled = formula.Compile(["x"]);
        foreach (double x in new[] { 0.0, -0.0, 1.0, -1.0, 2.5, -3.7, 1e-200, 1e200, double.PositiveInfinity, double.NegativeInfinity, double.NaN })
        {
            double expected = formula.Evaluate(new Dictionary<string, double> { ["x"] = x });
            double actual = compiled.Evaluate([x]);
            bool same = expected == 0 ? actual == 0 && double.IsNegative(expected) == double.IsNegative(actual)
                : expected.Equals(actual) || Math.Abs(expected - actual) <= 1e-15 * Math.Abs(expected);
            Assert.True(same, $"{text} at x = {x:R}: expected {expected:R}, got {actual:R}");
        }
    }

    [Fact]
    public void ComparisonsGiveOneOrZero()
    {
        var compiled = Formula.Parse("N > 1e9 && loss < 3").Compile(["N", "loss"]);
        Assert.Equal(1, compiled.Evaluate([2e9, 2.9]));
        Assert.Equal(0, compiled.Evaluate([2e9, 3.1]));
        Assert.Equal(0, compiled.Evaluate([1e9, 2.9]));
        Assert.Equal(0, compiled.Evaluate([2e9, double.NaN]));
    }

    [Theory]
    [InlineData("a < b", 1, 2, 1)]
    [InlineData("a < b", 2, 2, 0)]
    [InlineData("a <= b", 2, 2, 1)]
    [InlineData("a <= b", double.NaN, 2, 0)]
    [InlineData("a > b", 3, 2, 1)]
    [InlineData("a >= b", 2, 2, 1)]
    [InlineData("a >= b", 2, double.NaN, 0)]
    [InlineData("a == b", 2, 2, 1)]
    [InlineData("a == b", double.NaN, double.NaN, 0)]
    [InlineData("a != b", double.NaN, double.NaN, 1)]
    [InlineData("a && b", 0, 1, 0)]
    [InlineData("a && b", -2, 0.5, 1)]
    [InlineData("a && b", double.NaN, 1, 1)]
    [InlineData("a || b", 0, 0, 0)]
    [InlineData("a || b", 0, -1, 1)]
    public void ComparisonSemanticsMatchCSharp(string text, double a, double b, double expected)
    {
        Assert.Equal(expected, Formula.Parse(text).Compile(["a", "b"]).Evaluate([a, b]));
        Assert.Equal(expected, Formula.Parse(text).Evaluate(new Dictionary<string, double> { ["a"] = a, ["b"] = b }));
    }

    [Fact]
    public void NamesMayBeUnusedAndInAnyOrder()
    {
        var compiled = Formula.Parse("D / N").Compile(["unused", "D", "N"]);
        Assert.Equal<string>(["unused", "D", "N"], compiled.Names);
        Assert.Equal(20, compiled.Evaluate([99, 2e10, 1e9]));
        Assert.Equal("D / N", compiled.Formula.Text);
    }

    [Fact]
    public void ConstantFormulaNeedsNoValues() =>
        Assert.Equal(2 * Math.PI, Formula.Parse("2*pi").Compile([]).Evaluate([]));

    [Fact]
    public void UnknownNameIsAFormulaErrorWithItsColumn()
    {
        var error = Assert.Throws<FormulaException>(() => Formula.Parse("N > 1e9 && tokens < 5").Compile(["N", "D"]));
        Assert.Equal(12, error.Column);
        Assert.Equal("formula column 12: unknown name 'tokens' (known: N, D)", error.Message);
    }

    [Fact]
    public void RepeatedNameIsRejected() =>
        Assert.Throws<ArgumentException>(() => Formula.Parse("N").Compile(["N", "N"]));

    [Fact]
    public void WrongValueCountIsRejected()
    {
        var compiled = Formula.Parse("N + D").Compile(["N", "D"]);
        var error = Assert.Throws<ArgumentException>(() => compiled.Evaluate([1.0]));
        Assert.Contains("Expected 2 values (N, D), got 1", error.Message);
    }
}
