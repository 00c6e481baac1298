using ScalingLaws.Expressions;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

public class FormulaLawTests
{
    private const string Chinchilla = "exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))";

    [Fact]
    public void ColumnsBecomeVariablesAndOtherNamesParameters()
    {
        var law = FormulaLaw.Create("E + A/N^alpha + B/D^beta", ["loss", "D", "N", "C"]);
        Assert.Equal("formula", law.Name);
        Assert.Equal("E + A/N^alpha + B/D^beta", law.Formula);
        Assert.Equal("", law.Citation);
        Assert.Equal<string>(["N", "D"], law.Variables);
        Assert.Equal<string>(["E", "A", "alpha", "B", "beta"], law.Parameters.Select(p => p.Name));
        Assert.All(law.Parameters, p =>
        {
            Assert.Equal(1.0, p.Initial);
            Assert.Equal(double.NegativeInfinity, p.Lower);
            Assert.Equal(double.PositiveInfinity, p.Upper);
        });
        Assert.Same(FitRecipe.Default, law.DefaultRecipe(new FitData(["N", "D"], [1, 2], [3])));
        Assert.Equal("E + A/N^alpha + B/D^beta", law.Expression.Text);
    }

    [Fact]
    public void ExplicitVariablesAndParametersKeepTheGivenOrder()
    {
        var law = FormulaLaw.Create("b1 + b2*exp(-x*b4) + b3*exp(-x*b5)", variables: ["unused", "x"], parameters: ["b1", "b2", "b3", "b4", "b5"]);
        Assert.Equal<string>(["unused", "x"], law.Variables);
        Assert.Equal<string>(["b1", "b2", "b3", "b4", "b5"], law.Parameters.Select(p => p.Name));
        double[] theta = [1, 2, 3, 0.5, 0.25];
        var gradient = new double[5];
        double value = law.EvaluateWithGradient(theta, [42, 2], gradient);
        Assert.Equal(1 + 2 * Math.Exp(-1) + 3 * Math.Exp(-0.5), value, 14);
        Assert.Equal(1, gradient[0]);
        Assert.Equal(Math.Exp(-1), gradient[1], 15);
        Assert.Equal(Math.Exp(-0.5), gradient[2], 15);
        Assert.Equal(-2 * 2 * Math.Exp(-1), gradient[3], 14);
        Assert.Equal(-3 * 2 * Math.Exp(-0.5), gradient[4], 14);
    }

    [Fact]
    public void FormulaWithoutParametersIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => FormulaLaw.Create("N + log(D)", ["N", "D"]));
        Assert.Contains("has no parameters", error.Message);
        Assert.Contains("(N, D)", error.Message);
        Assert.Contains("has no parameters", Assert.Throws<ArgumentException>(() => FormulaLaw.Create("1 + 2", ["N"])).Message);
        Assert.Contains("has no parameters", Assert.Throws<ArgumentException>(() => FormulaLaw.Create("N", variables: ["N"], parameters: [])).Message);
    }

    [Fact]
    public void ExplicitListsAreValidated()
    {
        var neither = Assert.Throws<FormulaException>(() => FormulaLaw.Create("a + b*x + c", variables: ["x"], parameters: ["a", "b"]));
        Assert.Equal("formula column 11: 'c' is neither a variable nor a parameter", neither.Message);
        Assert.Contains("does not appear", Assert.Throws<ArgumentException>(() => FormulaLaw.Create("a*x", variables: ["x"], parameters: ["a", "b"])).Message);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => FormulaLaw.Create("a*x", variables: ["x"], parameters: ["a", "a"])).Message);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => FormulaLaw.Create("a*x", variables: ["x", "a"], parameters: ["a"])).Message);
    }

    [Fact]
    public void SyntaxErrorsSurfaceAsFormulaExceptions() =>
        Assert.Equal("formula column 3: unexpected '*'", Assert.Throws<FormulaException>(() => FormulaLaw.Create("a+*N", ["N"])).Message);

    [Fact]
    public void SpanLengthsAreChecked()
    {
        var law = FormulaLaw.Create("a*N + b", ["N"]);
        Assert.Throws<ArgumentException>(() => law.Evaluate([1.0], [2.0]));
        Assert.Throws<ArgumentException>(() => law.Evaluate([1.0, 2.0], [2.0, 3.0]));
        Assert.Throws<ArgumentException>(() => law.EvaluateWithGradient([1.0, 2.0], [2.0], new double[1]));
        Assert.Equal(4, law.Evaluate([1.0, 2.0], [2.0]));
    }

    [Fact]
    public void ChinchillaGradientEqualsTheHandDerivedOne()
    {
        var law = FormulaLaw.Create(Chinchilla, ["N", "D"]);
        Assert.Equal<string>(["e", "a", "alpha", "b", "beta"], law.Parameters.Select(p => p.Name));
        var random = new Random(7);
        var gradient = new double[5];
        for (int k = 0; k < 200; k++)
        {
            double e = random.NextDouble() * 2 - 1, a = random.NextDouble() * 25, alpha = random.NextDouble() * 2;
            double b = random.NextDouble() * 25, beta = random.NextDouble() * 2;
            double n = Math.Exp(random.NextDouble() * 10 + 15), d = Math.Exp(random.NextDouble() * 10 + 20);
            double modelTerm = Math.Exp(a - alpha * Math.Log(n)), dataTerm = Math.Exp(b - beta * Math.Log(d));
            double[] expected = [Math.Exp(e), modelTerm, -Math.Log(n) * modelTerm, dataTerm, -Math.Log(d) * dataTerm];

            double value = law.EvaluateWithGradient([e, a, alpha, b, beta], [n, d], gradient);

            AssertRelative(Math.Exp(e) + modelTerm + dataTerm, value, 1e-14);
            for (int j = 0; j < 5; j++) AssertRelative(expected[j], gradient[j], 1e-14);
        }
    }

    [Fact]
    public void ComparisonsHaveZeroDerivatives()
    {
        var law = FormulaLaw.Create("a * (N > 1e9) + (b > 1) * N", ["N"]);
        var gradient = new double[2];
        Assert.Equal(2.0 + 2e9, law.EvaluateWithGradient([2.0, 3.0], [2e9], gradient));
        Assert.Equal<double>([1, 0], gradient);
        Assert.Equal(0.0, law.EvaluateWithGradient([2.0, 0.5], [1e8], gradient));
        Assert.Equal<double>([0, 0], gradient);
    }

    [Theory]
    [InlineData("min(a, b)", 1, 2, 1, 0)]
    [InlineData("min(a, b)", 3, 2, 0, 1)]
    [InlineData("max(a, b)", 1, 2, 0, 1)]
    [InlineData("max(a, b)", 3, 2, 1, 0)]
    [InlineData("abs(a) + 0*b", -3, 0, -1, 0)]
    [InlineData("abs(a) + 0*b", 3, 0, 1, 0)]
    [InlineData("abs(a - b)", 0, 0, 0, 0)]
    [InlineData("a^2 + b^3", 3, 2, 6, 12)]
    [InlineData("a^4 + b^-1", 2, 4, 32, -1.0 / 16)]
    [InlineData("a^-2 + b^0.5", 2, 4, -0.25, 0.25)]
    [InlineData("a^1 + b^0", 2, 4, 1, 0)]
    [InlineData("a^b", 2, 3, 12, 8 * 0.69314718055994531)]
    [InlineData("pow(2, b) + a", 0, 3, 1, 8 * 0.69314718055994531)]
    [InlineData("sqrt(a*b)", 2, 8, 1, 0.25)]
    [InlineData("atan(a) + tan(b)", 1, 0, 0.5, 1)]
    [InlineData("a - a + b", 5, 1, 0, 1)]
    public void BranchAndPowerRules(string formula, double a, double b, double da, double db)
    {
        var law = FormulaLaw.Create(formula, variables: [], parameters: ["a", "b"]);
        var gradient = new double[2];
        law.EvaluateWithGradient([a, b], [], gradient);
        Assert.Equal(da, gradient[0], 14);
        Assert.Equal(db, gradient[1], 14);
    }

    [Fact]
    public void RepeatedSubexpressionsGiveTheSameValueAndGradient()
    {
        var twice = FormulaLaw.Create("exp(a - alpha*log(N)) + exp(a - log(N)*alpha)", ["N"]);
        var once = FormulaLaw.Create("2*exp(a - alpha*log(N))", ["N"]);
        double[] gradientTwice = new double[2], gradientOnce = new double[2];
        Assert.Equal(once.EvaluateWithGradient([5, 0.3], [1e8], gradientOnce), twice.EvaluateWithGradient([5, 0.3], [1e8], gradientTwice), 14);
        Assert.Equal(gradientOnce[0], gradientTwice[0], 14);
        Assert.Equal(gradientOnce[1], gradientTwice[1], 14);
    }

    [Fact]
    public void EvaluationIsThreadSafe()
    {
        var law = FormulaLaw.Create(Chinchilla, ["N", "D"]);
        double[] theta = [0.5, 6, 0.34, 7, 0.28];
        var expected = Enumerable.Range(0, 10_000).Select(i => law.Evaluate(theta, [1e8 + i * 1e5, 1e10 + i * 1e7])).ToArray();
        var actual = new double[expected.Length];
        Parallel.For(0, expected.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            Span<double> gradient = stackalloc double[5];
            actual[i] = law.EvaluateWithGradient(theta, [1e8 + i * 1e5, 1e10 + i * 1e7], gradient);
        });
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EvaluationDoesNotAllocate()
    {
        var law = FormulaLaw.Create(Chinchilla, ["N", "D"]);
        double[] theta = [0.5, 6, 0.34, 7, 0.28], x = [7e10, 1.4e12], gradient = new double[5];
        double sum = law.Evaluate(theta, x) + law.EvaluateWithGradient(theta, x, gradient);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) sum += law.Evaluate(theta, x) + law.EvaluateWithGradient(theta, x, gradient);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(double.IsFinite(sum));
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
