using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests.Expressions;

/// <summary>Compiled evaluation and exact gradients of randomly generated formulas.</summary>
public class RandomFormulaTests
{
    private static Gen<Sample> Samples() =>
        from text in RandomFormulas.Formula()
        from theta in RandomFormulas.ParameterValues()
        from x in RandomFormulas.VariableValues()
        select new Sample(text, theta, x);

    [Property(MaxTest = 1000)]
    public Property CompiledValueEqualsInterpreter() =>
        Prop.ForAll(Arb.From(Samples()), sample =>
        {
            var law = sample.Law();
            double expected = law.Expression.Evaluate(sample.Values());
            var gradient = new double[sample.Theta.Length];
            AssertSame(expected, law.Evaluate(sample.Theta, sample.X));
            AssertSame(expected, law.EvaluateWithGradient(sample.Theta, sample.X, gradient));
            var compiled = law.Expression.Compile([.. RandomFormulas.Parameters, .. RandomFormulas.Variables]);
            AssertSame(expected, compiled.Evaluate([.. sample.Theta, .. sample.X]));
        });

    [Property(MaxTest = 1000)]
    public Property GradientEqualsFiniteDifferences() =>
        Prop.ForAll(Arb.From(Samples()), sample =>
        {
            var law = sample.Law();
            var gradient = new double[sample.Theta.Length];
            double value = law.EvaluateWithGradient(sample.Theta, sample.X, gradient);
            if (!double.IsFinite(value) || !gradient.All(double.IsFinite)) return;
            var mismatches = GradientCheck.Mismatches(law, sample.Theta, sample.X, Step, valueScale: 1)
                .Where(_ => IsSmoothAround(law, sample))
                .ToList();
            Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        });

    [Fact]
    public void GeneratorCoversEveryFunction()
    {
        var texts = Samples().Sample(MaxSizeForCoverage, 500).Select(s => s.Text).ToList();
        foreach (string function in new[] { "exp(", "log(", "ln(", "sqrt(", "pow(", "sin(", "cos(", "tan(", "atan(", "abs(", "min(", "max(", "^", "**", "/" })
            Assert.Contains(texts, t => t.Contains(function, StringComparison.Ordinal));
    }

    private const int MaxSizeForCoverage = 32;

    /// <summary>h = 1e-6·max(1, |θ|): parameters are of order 1 here.</summary>
    private static double Step(double theta) => 1e-6 * Math.Max(1, Math.Abs(theta));

    /// <summary>
    /// False when abs, min or max put a kink within the finite-difference stencil: the central
    /// differences at steps h and h/2 then disagree, and no derivative exists to compare with.
    /// </summary>
    private static bool IsSmoothAround(IScalingLaw law, Sample sample)
    {
        for (int j = 0; j < sample.Theta.Length; j++)
        {
            double h = Step(sample.Theta[j]);
            var (wide, noise) = GradientCheck.CentralDifference(law, sample.Theta, sample.X, j, h, valueScale: 1);
            var (narrow, _) = GradientCheck.CentralDifference(law, sample.Theta, sample.X, j, h / 2, valueScale: 1);
            if (Math.Abs(wide - narrow) > 1e-3 * Math.Max(Math.Abs(wide), Math.Abs(narrow)) + 4 * noise) return false;
        }
        return true;
    }

    /// <summary>
    /// Equal within 1e-10 relative: compiled code takes small integer powers by multiplication, which
    /// may differ from <see cref="Math.Pow"/> in the last bit, and exp(−u⁸)-like terms amplify that.
    /// </summary>
    private static void AssertSame(double expected, double actual)
    {
        if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"expected NaN, got {actual:R}");
        else Assert.True(expected == actual || Math.Abs(expected - actual) <= 1e-10 * Math.Abs(expected) + 1e-300, $"expected {expected:R}, got {actual:R}");
    }

    internal sealed record Sample(string Text, double[] Theta, double[] X)
    {
        public FormulaLaw Law() =>
            FormulaLaw.Create(Text, variables: RandomFormulas.Variables, parameters: RandomFormulas.Parameters);

        public Dictionary<string, double> Values()
        {
            var values = new Dictionary<string, double>();
            for (int j = 0; j < Theta.Length; j++) values[RandomFormulas.Parameters[j]] = Theta[j];
            for (int v = 0; v < X.Length; v++) values[RandomFormulas.Variables[v]] = X[v];
            return values;
        }

        public override string ToString() =>
            $"{Text} at a, b, c = [{string.Join(", ", Theta)}], x, y = [{string.Join(", ", X)}]";
    }
}
