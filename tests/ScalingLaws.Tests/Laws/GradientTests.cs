using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests.Laws;

/// <summary>The analytic gradient of every law equals central finite differences at random valid points.</summary>
public class GradientTests
{
    private static Property GradientMatchesFiniteDifferences(string label) =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var lawCase = LawSamples.Get(label);
            var (theta, x) = lawCase.Sample(new Random(seed));
            string failure = Compare(lawCase.Law, theta, x);
            return failure.Length == 0 ? true.ToProperty() : false.Label($"seed {seed}: {failure}");
        });

    /// <summary>Empty when the gradient matches; otherwise a description of the first mismatch.</summary>
    public static string Compare(IScalingLaw law, double[] theta, double[] x)
    {
        var gradient = new double[theta.Length];
        double value = law.EvaluateWithGradient(theta, x, gradient);
        double plain = law.Evaluate(theta, x);
        if (!double.IsFinite(value)) return $"value {value} is not finite";
        if (value != plain) return $"EvaluateWithGradient gives {value:R} but Evaluate gives {plain:R}";
        for (int j = 0; j < theta.Length; j++)
        {
            double scale = Math.Max(Math.Abs(theta[j]), 1);
            double h = 1e-6 * scale;
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[j] += h;
            down[j] -= h;
            double numeric = (law.Evaluate(up, x) - law.Evaluate(down, x)) / (2 * h);
            double tolerance = 1e-6 * Math.Abs(gradient[j]) + 1e-8 * Math.Abs(value) / scale;
            if (!double.IsFinite(gradient[j]) || Math.Abs(gradient[j] - numeric) > tolerance)
                return $"∂/∂{law.Parameters[j].Name}: analytic {gradient[j]:R}, finite difference {numeric:R} " +
                       $"at θ = [{string.Join(", ", theta.Select(t => t.ToString("R")))}], x = [{string.Join(", ", x.Select(t => t.ToString("R")))}]";
        }
        return "";
    }

    [Property(MaxTest = 300)] public Property Chinchilla() => GradientMatchesFiniteDifferences("chinchilla");
    [Property(MaxTest = 300)] public Property Kaplan() => GradientMatchesFiniteDifferences("kaplan");
    [Property(MaxTest = 300)] public Property Power() => GradientMatchesFiniteDifferences("power");
    [Property(MaxTest = 300)] public Property DataConstrainedExcessParameters() => GradientMatchesFiniteDifferences("data-constrained/excess-parameters");
    [Property(MaxTest = 300)] public Property DataConstrainedWithinOptimum() => GradientMatchesFiniteDifferences("data-constrained/within-optimum");
    [Property(MaxTest = 300)] public Property Overtraining() => GradientMatchesFiniteDifferences("overtraining");
    [Property(MaxTest = 300)] public Property Dcpt() => GradientMatchesFiniteDifferences("dcpt");
    [Property(MaxTest = 300)] public Property DcptCrossDomain() => GradientMatchesFiniteDifferences("dcpt-cross-domain");
    [Property(MaxTest = 300)] public Property CmrRatio() => GradientMatchesFiniteDifferences("cmr-ratio");
    [Property(MaxTest = 300)] public Property CmrTokens() => GradientMatchesFiniteDifferences("cmr-tokens");
    [Property(MaxTest = 300)] public Property DataMixing() => GradientMatchesFiniteDifferences("data-mixing");
    [Property(MaxTest = 300)] public Property MixtureAdditive() => GradientMatchesFiniteDifferences("mixture-additive");
    [Property(MaxTest = 300)] public Property MixtureJoint() => GradientMatchesFiniteDifferences("mixture-joint");
    [Property(MaxTest = 300)] public Property BiMix() => GradientMatchesFiniteDifferences("bimix");
    [Property(MaxTest = 300)] public Property Multilingual() => GradientMatchesFiniteDifferences("multilingual");

    [Fact]
    public void EveryCatalogueLawHasAGradientProperty()
    {
        var sampled = LawSamples.All.Select(c => c.Law.Name).ToHashSet();
        Assert.All(LawCatalog.Names, name => Assert.Contains(name, sampled));
    }
}
