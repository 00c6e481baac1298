using ScalingLaws.Expressions;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

/// <summary>
/// Formulas evaluated in double-double: every operator and function against values computed with
/// mpmath at 60 digits, and the 27 NIST models against the compiled double evaluation.
/// </summary>
public class ExtendedEvaluationTests
{
    private const string AllOperators =
        "a*exp(-b*x) + c/(x+d)^2 - sqrt(x)*log(x+a) + x**b + sin(x)*cos(a) - tan(b/7) + atan(x) + abs(a-x)" +
        " + min(a,x) + max(b,x) + (x > a) + pi + pow(-x, 3) / 1.5e0";

    [Theory]
    [InlineData(0.7, "11.56393756239070878568202693843866306746")]
    [InlineData(3.2, "-7.782994595152134341113859313187792118253")]
    public void EveryOperatorAndFunctionIsAccurateToThirtyDigits(double x, string expected)
    {
        var law = FormulaLaw.Create(AllOperators, ["x"], ["a", "b", "c", "d"]);
        DoubleDouble[] theta = [.. new[] { 0.37, 1.3, 2.5, 0.1 }.Select(DoubleDouble.FromDecimal)];
        Assert.True(law.TryEvaluateExtended(theta, [DoubleDouble.FromDecimal(x)], out var value));
        var reference = DoubleDouble.Parse(expected);
        Assert.True(Math.Abs((value - reference).Hi / reference.Hi) < 1e-29, $"{value} vs {expected}");
        Assert.Equal(law.Evaluate([0.37, 1.3, 2.5, 0.1], [x]), (double)value, 1e-13 * Math.Abs((double)value));
    }

    [Fact]
    public void ComparisonsAndLogicGiveOneOrZero()
    {
        var law = FormulaLaw.Create("(x < a) + 2*(x <= a) + 4*(x >= a) + 8*(x == a) + 16*(x != a) + 32*((x > a) && (a > 0)) + 64*((x < 0) || (a < 0))", ["x"], ["a"]);
        double Value(double a, double x)
        {
            Assert.True(law.TryEvaluateExtended([new DoubleDouble(a)], [new DoubleDouble(x)], out var v));
            Assert.Equal(law.Evaluate([a], [x]), (double)v);
            return (double)v;
        }
        Assert.Equal(1 + 2 + 16, Value(2, 1));
        Assert.Equal(2 + 4 + 8, Value(2, 2));
        Assert.Equal(4 + 16 + 32, Value(2, 3));
        Assert.Equal(1 + 2 + 16 + 64, Value(-1, -3));
    }

    [Fact]
    public void NonFiniteValuesAreReported()
    {
        var law = FormulaLaw.Create("a*log(x)", ["x"], ["a"]);
        Assert.False(law.TryEvaluateExtended([DoubleDouble.One], [new DoubleDouble(-1)], out _));
        Assert.False(law.TryEvaluateExtended([DoubleDouble.One], [DoubleDouble.Zero], out _));
        Assert.True(law.TryEvaluateExtended([DoubleDouble.One], [new DoubleDouble(2)], out var value));
        Assert.Equal(Math.Log(2), (double)value);
        Assert.Throws<ArgumentException>(() => law.TryEvaluateExtended([DoubleDouble.One, DoubleDouble.One], [DoubleDouble.One], out _));
    }

    public static TheoryData<string> Problems() => [.. NistProblem.Names];

    [Theory]
    [MemberData(nameof(Problems))]
    public void NistModelsAgreeWithTheCompiledDoubleEvaluation(string name)
    {
        var problem = NistProblem.Load(name);
        var law = problem.Law();
        DoubleDouble[] theta = [.. problem.Certified.Select(DoubleDouble.FromDecimal)];
        for (int i = 0; i < problem.RowCount; i++)
        {
            double[] x = problem.Row(i);
            Assert.True(law.TryEvaluateExtended(theta, [.. x.Select(DoubleDouble.FromDecimal)], out var value));
            double expected = law.Evaluate(problem.Certified, x);
            Assert.True(Math.Abs((double)value - expected) <= 1e-12 * Math.Abs(expected) + 1e-300, $"{name} row {i}: {value} vs {expected:R}");
        }
    }
}
