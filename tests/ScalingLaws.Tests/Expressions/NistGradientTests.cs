using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

/// <summary>
/// The 27 NIST StRD models as user formulas: compiled values equal the interpreter and exact
/// gradients equal central finite differences. Steps are relative, h = 1e-6·|θⱼ|: Hahn1 and
/// Thurber have parameters near 1e-7 multiplying x³ ≈ 1e9, so an absolute step of 1e-6 would
/// leave the region where the model is smooth.
/// </summary>
public class NistGradientTests
{
    private static readonly Dictionary<string, FormulaLaw> Laws = [];

    public static TheoryData<string> Problems() => [.. NistProblem.Names];

    [Fact]
    public void AllTwentySevenProblemsArePresent() => Assert.Equal(27, NistProblem.Names.Count);

    [Theory]
    [MemberData(nameof(Problems))]
    public void CompiledValueEqualsInterpreterOnEveryRow(string name)
    {
        var problem = NistProblem.Load(name);
        var law = LawOf(problem);
        var values = new Dictionary<string, double>();
        for (int k = 0; k < problem.ParameterCount; k++) values[$"b{k + 1}"] = problem.Certified[k];
        var gradient = new double[problem.ParameterCount];
        for (int i = 0; i < problem.RowCount; i++)
        {
            double[] x = problem.Row(i);
            for (int v = 0; v < x.Length; v++) values[problem.Variables[v]] = x[v];
            double expected = law.Expression.Evaluate(values);
            AssertClose(expected, law.Evaluate(problem.Certified, x), 1e-13);
            AssertClose(expected, law.EvaluateWithGradient(problem.Certified, x, gradient), 1e-13);
        }
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void GradientEqualsFiniteDifferencesOnEveryRowAtCertifiedValues(string name)
    {
        var problem = NistProblem.Load(name);
        var law = LawOf(problem);
        var mismatches = Enumerable.Range(0, problem.RowCount)
            .SelectMany(i => GradientCheck.Mismatches(law, problem.Certified, problem.Row(i), RelativeStep))
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(5)));
    }

    [Property(MaxTest = 2000)]
    public Property GradientEqualsFiniteDifferencesNearCertifiedValues() =>
        Prop.ForAll(Arb.From(Points()), point =>
        {
            var mismatches = GradientCheck.Mismatches(LawOf(point.Problem), point.Theta, point.X, RelativeStep);
            Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        });

    private static double RelativeStep(double theta) => 1e-6 * Math.Abs(theta);

    /// <summary>A problem, parameters at certified·(1 + U(−0.1, 0.1)) and x uniform in the data's range.</summary>
    private static Gen<NistPoint> Points() =>
        from index in Gen.Choose(0, NistProblem.Names.Count - 1)
        let problem = NistProblem.Load(NistProblem.Names[index])
        from factors in Gen.ArrayOf(Uniform(-0.1, 0.1), problem.ParameterCount)
        from fractions in Gen.ArrayOf(Uniform(0, 1), problem.Variables.Length)
        select new NistPoint(
            problem,
            [.. problem.Certified.Select((c, k) => c * (1 + factors[k]))],
            [.. problem.Columns.Select((column, v) => column.Min() + fractions[v] * (column.Max() - column.Min()))]);

    private static Gen<double> Uniform(double lower, double upper) =>
        Gen.Choose(0, 1_000_000).Select(k => lower + (upper - lower) * k / 1_000_000.0);

    private static FormulaLaw LawOf(NistProblem problem)
    {
        lock (Laws)
        {
            if (!Laws.TryGetValue(problem.Name, out var law)) Laws[problem.Name] = law = problem.Law();
            return law;
        }
    }

    private static void AssertClose(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    internal sealed record NistPoint(NistProblem Problem, double[] Theta, double[] X)
    {
        public override string ToString() =>
            $"{Problem.Name}: θ = [{string.Join(", ", Theta)}], x = [{string.Join(", ", X)}]";
    }
}
