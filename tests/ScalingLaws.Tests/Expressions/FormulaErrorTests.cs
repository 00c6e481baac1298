using ScalingLaws.Expressions;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

public class FormulaErrorTests
{
    [Theory]
    [InlineData("", 1, "empty formula")]
    [InlineData("   ", 1, "empty formula")]
    [InlineData("a + exp(b) + expp(c)", 14, "unknown function 'expp'")]
    [InlineData("Log(N)", 1, "unknown function 'Log'")]
    [InlineData("pi(2)", 1, "unknown function 'pi'")]
    [InlineData("(a + b", 7, "expected ')' but found end of formula")]
    [InlineData("exp(a", 6, "expected ')' but found end of formula")]
    [InlineData("pow(a, b", 9, "expected ')' but found end of formula")]
    [InlineData("pow(a b)", 7, "expected ')' but found 'b'")]
    [InlineData("(a b)", 4, "expected ')' but found 'b'")]
    [InlineData("a+*b", 3, "unexpected '*'")]
    [InlineData("a *", 4, "unexpected end of formula")]
    [InlineData("-", 2, "unexpected end of formula")]
    [InlineData("a b", 3, "unexpected 'b'")]
    [InlineData("a + )", 5, "unexpected ')'")]
    [InlineData("a)", 2, "unexpected ')'")]
    [InlineData("()", 2, "unexpected ')'")]
    [InlineData("a, b", 2, "unexpected ','")]
    [InlineData("2x", 2, "unexpected 'x'")]
    [InlineData("1.5.3", 4, "unexpected '.3'")]
    [InlineData("a.b", 2, "unexpected '.'")]
    [InlineData("a # b", 3, "unexpected '#'")]
    [InlineData("a & b", 3, "unexpected '&'")]
    [InlineData("a | b", 3, "unexpected '|'")]
    [InlineData("!a", 1, "unexpected '!'")]
    [InlineData("a = b", 3, "unexpected '=' (use '==' to compare)")]
    [InlineData("a ^^ b", 4, "unexpected '^'")]
    [InlineData("a *** b", 5, "unexpected '*'")]
    [InlineData("pow(a)", 1, "function 'pow' takes 2 arguments, got 1")]
    [InlineData("x + min(a, b, c)", 5, "function 'min' takes 2 arguments, got 3")]
    [InlineData("exp(a, b)", 1, "function 'exp' takes 1 argument, got 2")]
    [InlineData("exp()", 1, "function 'exp' takes 1 argument, got 0")]
    [InlineData("exp + 1", 1, "function 'exp' needs its arguments in parentheses")]
    [InlineData("1e", 1, "malformed number '1e'")]
    [InlineData("2 * 3e-", 5, "malformed number '3e-'")]
    [InlineData("1e+x", 1, "malformed number '1e+'")]
    [InlineData("1e400", 1, "number '1e400' is too large")]
    [InlineData("a < b < c", 7, "comparisons cannot be chained; combine them with '&&'")]
    [InlineData("a == b != c", 8, "comparisons cannot be chained; combine them with '&&'")]
    public void ReportsColumnAndReason(string text, int column, string reason)
    {
        var error = Assert.Throws<FormulaException>(() => Formula.Parse(text));
        Assert.Equal(column, error.Column);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(text, error.Formula);
        Assert.Equal($"formula column {column}: {reason}", error.Message);
    }

    [Fact]
    public void NullTextIsAProgrammingError() =>
        Assert.Throws<ArgumentNullException>(() => Formula.Parse(null!));

    [Fact]
    public void DeepNestingIsRejected()
    {
        string nested = new string('(', 1000) + "a" + new string(')', 1000);
        Assert.Contains("nested too deeply", Assert.Throws<FormulaException>(() => Formula.Parse(nested)).Message);
        string negations = new string('-', 1000) + "a";
        Assert.Contains("nested too deeply", Assert.Throws<FormulaException>(() => Formula.Parse(negations)).Message);
        string chain = string.Join("+", Enumerable.Repeat("a", 1000));
        Assert.Equal(1000, Formula.Parse(chain).Evaluate(new Dictionary<string, double> { ["a"] = 1 }));
        string tooLong = string.Join("+", Enumerable.Repeat("a", 60_000));
        Assert.Contains("at most 100,000", Assert.Throws<FormulaException>(() => Formula.Parse(tooLong)).Message);
        string powers = string.Join("^", Enumerable.Repeat("a", 1000));
        Assert.Contains("nested too deeply", Assert.Throws<FormulaException>(() => Formula.Parse(powers)).Message);
    }

    [Fact]
    public void ModerateNestingIsAccepted()
    {
        string nested = new string('(', 100) + "a" + new string(')', 100);
        Assert.Equal<string>(["a"], Formula.Parse(nested).Identifiers);
        string chain = string.Join("+", Enumerable.Repeat("a", 200));
        Assert.Equal(200, Formula.Parse(chain).Evaluate(new Dictionary<string, double> { ["a"] = 1 }));
    }

    [Fact]
    public void EvaluateNamesAMissingValueAndItsColumn()
    {
        var error = Assert.Throws<FormulaException>(() =>
            Formula.Parse("a + b*x").Evaluate(new Dictionary<string, double> { ["a"] = 1, ["x"] = 2 }));
        Assert.Equal(5, error.Column);
        Assert.Equal("formula column 5: no value given for 'b'", error.Message);
    }
}
