using ScalingLaws.Expressions;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

public class FormulaParseTests
{
    [Theory]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a * b + c", "((a * b) + c)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b / c", "((a / b) / c)")]
    [InlineData("a / b * c", "((a / b) * c)")]
    [InlineData("a ^ b ^ c", "(a ^ (b ^ c))")]
    [InlineData("a ** b ** c", "(a ^ (b ^ c))")]
    [InlineData("a ^ b ** c", "(a ^ (b ^ c))")]
    [InlineData("-x^2", "(-(x ^ 2))")]
    [InlineData("-x**2", "(-(x ^ 2))")]
    [InlineData("2^-x", "(2 ^ (-x))")]
    [InlineData("2^-x^2", "(2 ^ (-(x ^ 2)))")]
    [InlineData("a*-b", "(a * (-b))")]
    [InlineData("--x", "(-(-x))")]
    [InlineData("+x", "x")]
    [InlineData("-(a + b)", "(-(a + b))")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    [InlineData("a * b ^ c", "(a * (b ^ c))")]
    [InlineData("a / b ^ c", "(a / (b ^ c))")]
    [InlineData("(a)^(b)", "(a ^ b)")]
    [InlineData("ln(x) + log(y)", "(log(x) + log(y))")]
    [InlineData("pow(a, b + c)", "pow(a, (b + c))")]
    [InlineData("min(a, b) - max(a, b)", "(min(a, b) - max(a, b))")]
    [InlineData("exp(sqrt(abs(atan(tan(cos(sin(x)))))))", "exp(sqrt(abs(atan(tan(cos(sin(x)))))))")]
    [InlineData("a + 1 < b * 2", "((a + 1) < (b * 2))")]
    [InlineData("a < b && c >= d || e != f", "(((a < b) && (c >= d)) || (e != f))")]
    [InlineData("a || b && c", "(a || (b && c))")]
    [InlineData("a && b && c", "((a && b) && c)")]
    [InlineData("(a <= b) == c", "((a <= b) == c)")]
    [InlineData("-a < b", "((-a) < b)")]
    [InlineData(" a\t+\n b ", "(a + b)")]
    public void PrecedenceAndAssociativity(string text, string parenthesised) =>
        Assert.Equal(parenthesised, Formula.Parse(text).Root.ToString());

    [Theory]
    [InlineData("1e-3", 0.001)]
    [InlineData("1E+3", 1000)]
    [InlineData("1.5e3", 1500)]
    [InlineData(".5", 0.5)]
    [InlineData("2.", 2)]
    [InlineData("007", 7)]
    [InlineData("2.5E-1", 0.25)]
    [InlineData("pi", Math.PI)]
    [InlineData("-2^2", -4)]
    [InlineData("2^3^2", 512)]
    [InlineData("2**-1", 0.5)]
    [InlineData("8/4/2", 1)]
    [InlineData("10-4-3", 3)]
    [InlineData("2*3+4", 10)]
    [InlineData("2*(3+4)", 14)]
    [InlineData("ln(exp(2))", 2)]
    [InlineData("log(1)", 0)]
    [InlineData("pow(2, 10)", 1024)]
    [InlineData("sqrt(16)", 4)]
    [InlineData("abs(-3)", 3)]
    [InlineData("min(2, -1) + max(2, -1)", 1)]
    [InlineData("atan(1) * 4", Math.PI)]
    [InlineData("1 < 2", 1)]
    [InlineData("2 < 1", 0)]
    [InlineData("2 <= 2", 1)]
    [InlineData("1 > 2", 0)]
    [InlineData("2 >= 3", 0)]
    [InlineData("3 == 3", 1)]
    [InlineData("3 != 3", 0)]
    [InlineData("1 && 0", 0)]
    [InlineData("2 && -1", 1)]
    [InlineData("0 || 0", 0)]
    [InlineData("0 || 3", 1)]
    [InlineData("1 + 1 == 2 && 3 > 2", 1)]
    public void EvaluatesConstants(string text, double expected) =>
        Assert.Equal(expected, Formula.Parse(text).Evaluate(new Dictionary<string, double>()), 14);

    [Fact]
    public void IdentifiersAreNamesInOrderOfFirstAppearance()
    {
        var formula = Formula.Parse("b*x + a*exp(x) + b - pi*_c1 + ln(a)");
        Assert.Equal<string>(["b", "x", "a", "_c1"], formula.Identifiers);
        Assert.Equal(1, formula.ColumnOf("b"));
        Assert.Equal(3, formula.ColumnOf("x"));
        Assert.Equal(7, formula.ColumnOf("a"));
        Assert.Throws<ArgumentException>(() => formula.ColumnOf("pi"));
    }

    [Fact]
    public void NamesAreCaseSensitive() =>
        Assert.Equal<string>(["N", "n"], Formula.Parse("N + n").Identifiers);

    [Fact]
    public void TextIsKept()
    {
        const string text = "E + A/N^alpha + B/D^beta";
        var formula = Formula.Parse(text);
        Assert.Equal(text, formula.Text);
        Assert.Equal(text, formula.ToString());
    }

    [Fact]
    public void EvaluateReadsNamedValues()
    {
        var formula = Formula.Parse("E + A/N^alpha");
        double value = formula.Evaluate(new Dictionary<string, double> { ["E"] = 1.5, ["A"] = 400, ["N"] = 1e6, ["alpha"] = 0.5, ["unused"] = 9 });
        Assert.Equal(1.5 + 400 / 1000.0, value, 14);
    }

    [Fact]
    public void EvaluateFollowsIeeeArithmetic()
    {
        var empty = new Dictionary<string, double>();
        Assert.True(double.IsNaN(Formula.Parse("log(-1)").Evaluate(empty)));
        Assert.Equal(double.PositiveInfinity, Formula.Parse("1/0").Evaluate(empty));
        Assert.Equal(0, Formula.Parse("log(-1) < 1").Evaluate(empty));
        Assert.Equal(1, Formula.Parse("log(-1) != log(-1)").Evaluate(empty));
    }
}
