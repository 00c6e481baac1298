using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Expressions;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

/// <summary>
/// Formula laws evaluated over rows of their row cache (data-only subtrees computed once per row,
/// parameter-only subtrees once per call) give exactly the values and gradients of direct evaluation.
/// </summary>
public class RowCacheTests
{
    public static TheoryData<string> Problems() => [.. NistProblem.Names];

    [Theory]
    [MemberData(nameof(Problems))]
    public void NistModelsEvaluateIdenticallyFromTheCache(string name)
    {
        var problem = NistProblem.Load(name);
        var law = problem.Law();
        var rows = Enumerable.Range(0, problem.RowCount).Select(problem.Row).ToArray();
        var random = new Random(name.Length);
        for (int trial = 0; trial < 5; trial++)
        {
            double[] theta = trial == 0 ? problem.Certified : [.. problem.Certified.Select(c => c * (1 + 0.5 * (random.NextDouble() - 0.5)))];
            AssertBatchEqualsDirect(law, theta, rows, problem.Name);
        }
    }

    [Property(MaxTest = 1000)]
    public Property RandomFormulasEvaluateIdenticallyFromTheCache() =>
        Prop.ForAll(Arb.From(Samples()), sample =>
        {
            var law = FormulaLaw.Create(sample.Text, variables: RandomFormulas.Variables, parameters: RandomFormulas.Parameters);
            AssertBatchEqualsDirect(law, sample.Theta, sample.Rows, sample.Text);
        });

    [Theory]
    [InlineData("exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))", 2)]
    [InlineData("E + A/N^alpha + B/D^beta", 4)]
    [InlineData("E + A*pow(N, -alpha)", 2)]
    [InlineData("b1*cos(2*pi*N/12) + b2*sin(2*pi*N/12)", 2)]
    [InlineData("b1*(N^2 + N*b2) / (N^2 + N*b3 + b4)", 2)]
    [InlineData("a*b + exp(a)", 0)]
    [InlineData("a + N + D + N*D", 3)]
    public void CacheHoldsTheMaximalDataOnlySubtrees(string formula, int width)
    {
        var law = FormulaLaw.Create(formula, ["N", "D"]);
        Assert.Equal(width, ((IRowCachedLaw)law).CacheWidth);
        var random = new Random(1);
        double[][] rows = [.. Enumerable.Range(0, 7).Select(_ => new[] { Math.Exp(random.NextDouble() * 20), Math.Exp(random.NextDouble() * 25) })];
        double[] theta = [.. law.Parameters.Select(_ => random.NextDouble())];
        AssertBatchEqualsDirect(law, theta, [.. rows.Select(r => r[..law.Variables.Length])], formula);
    }

    [Fact]
    public void NonFiniteValuesAndEmptyBatchesMatchToo()
    {
        var law = FormulaLaw.Create("a*log(x) + sqrt(x - b) + exp(c*x)", variables: ["x"], parameters: ["a", "b", "c"]);
        double[][] rows = [[-1], [0], [1], [2], [1e300], [double.PositiveInfinity], [double.NaN]];
        AssertBatchEqualsDirect(law, [1, 1.5, 800], rows, "non-finite");
        AssertBatchEqualsDirect(law, [1, 1.5, -800], rows, "non-finite");
        AssertBatchEqualsDirect(law, [1, 1.5, 1], [], "empty");
    }

    [Fact]
    public void BatchEvaluationChecksLengths()
    {
        IRowCachedLaw law = FormulaLaw.Create("a*log(x) + b", variables: ["x"], parameters: ["a", "b"]);
        Assert.Throws<ArgumentException>(() => law.EvaluateRows([1.0], new double[3], new double[3]));
        Assert.Throws<ArgumentException>(() => law.EvaluateRows([1.0, 2], new double[2], new double[3]));
        Assert.Throws<ArgumentException>(() => law.EvaluateRowsWithGradient([1.0, 2], new double[3], new double[3], new double[5]));
        Assert.Throws<ArgumentException>(() => law.FillCache([1.0, 2], new double[1]));
        Assert.Throws<ArgumentException>(() => law.FillCache([1.0], new double[2]));
    }

    [Fact]
    public void FastExpEqualsMathExp()
    {
        var random = new Random(7);
        var xs = new List<double> { double.NaN, double.NegativeInfinity, double.PositiveInfinity, 0, -0.0, -746, 710, -745.1332191019412, -745.1332191019411, 709.782712893384, 709.7827128933841 };
        for (int k = 0; k < 20_000; k++) xs.Add(-800 + 1600 * random.NextDouble());
        for (double x = -760; x <= -740; x += 1.0 / 64) xs.Add(x);
        for (double x = 700; x <= 720; x += 1.0 / 64) xs.Add(x);
        foreach (double x in xs)
            Assert.True(BitConverter.DoubleToInt64Bits(Math.Exp(x)) == BitConverter.DoubleToInt64Bits(FastMath.Exp(x)), $"exp({x:R})");
    }

    /// <summary>Batch value and gradient (and those of each single row) equal direct evaluation bit for bit.</summary>
    internal static void AssertBatchEqualsDirect(IScalingLaw law, double[] theta, double[][] rows, string label)
    {
        var cached = (IRowCachedLaw)law;
        int n = rows.Length, p = law.Parameters.Length, width = cached.CacheWidth;
        var cache = new double[n * width];
        for (int i = 0; i < n; i++) cached.FillCache(rows[i], cache.AsSpan(i * width, width));
        var values = new double[n];
        var valuesWithGradient = new double[n];
        var gradient = new double[p * n];
        cached.EvaluateRows(theta, cache, values);
        cached.EvaluateRowsWithGradient(theta, cache, valuesWithGradient, gradient);
        var expectedGradient = new double[p];
        for (int i = 0; i < n; i++)
        {
            string at = $"{label}, row {i} ({string.Join(", ", rows[i])}), θ = [{string.Join(", ", theta)}]";
            AssertIdentical(law.Evaluate(theta, rows[i]), values[i], "value of " + at);
            AssertIdentical(law.EvaluateWithGradient(theta, rows[i], expectedGradient), valuesWithGradient[i], "value with gradient of " + at);
            for (int j = 0; j < p; j++) AssertIdentical(expectedGradient[j], gradient[j * n + i], $"∂/∂{law.Parameters[j].Name} of {at}");
        }
    }

    private static void AssertIdentical(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)),
            $"{what}: expected {expected:R}, got {actual:R}");

    private static Gen<BatchSample> Samples() =>
        from text in RandomFormulas.Formula()
        from theta in RandomFormulas.ParameterValues()
        from count in Gen.Choose(1, 6)
        from rows in Gen.ArrayOf(RandomFormulas.VariableValues(), count)
        select new BatchSample(text, theta, rows);

    internal sealed record BatchSample(string Text, double[] Theta, double[][] Rows)
    {
        public override string ToString() =>
            $"{Text} at a, b, c = [{string.Join(", ", Theta)}], rows [{string.Join("; ", Rows.Select(r => string.Join(", ", r)))}]";
    }
}
