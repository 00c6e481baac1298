using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// Double-double refinement of converged least-squares fits: it reaches NIST's certified RSS from
/// the certified parameters alone, handles weights and log residuals (reference by mpmath at 60
/// digits), keeps fixed and bound parameters, and stays out of fits it does not apply to.
/// </summary>
public class ExtendedPrecisionRefinementTests
{
    public static TheoryData<string> Problems() => [.. NistProblem.Names];

    [Theory]
    [MemberData(nameof(Problems))]
    public void ReachesTheCertifiedRssFromTheCertifiedParameters(string name)
    {
        var nist = NistProblem.Load(name);
        var problem = FitProblem.Create(nist.Law(), nist.Data(), nist.Options(1));
        var refined = ExtendedPrecisionRefinement.Refine(problem, nist.Certified);

        Assert.NotNull(refined);
        double lre = NistProblem.Lre(refined.ResidualSumOfSquares, nist.CertifiedRss);
        Assert.True(lre >= 9, $"{name}: RSS {refined.ResidualSumOfSquares:R} vs {nist.CertifiedRss:R} (LRE {lre:F2})");
        double sum = refined.Residuals.Sum(r => r * r);
        Assert.Equal(refined.ResidualSumOfSquares, sum, 1e-12 * sum);
        for (int j = 0; j < nist.Certified.Length; j++)
            Assert.True(NistProblem.Lre(refined.Theta[j], nist.Certified[j]) >= 9, $"{name}: b{j + 1} = {refined.Theta[j]:R}");
    }

    /// <summary>y = 1.69 + 406.4·x^−0.34 rounded to 12 digits, weights 0.5/1/2, log residuals.</summary>
    [Fact]
    public void WeightedLogResidualsOfANearExactFit()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        double[] y = [408.09, 322.762789141, 281.415766566, 255.350767537, 236.817755309, 222.68491158,
            211.400591727, 202.092485553, 194.22569016, 187.450640259, 181.527470893, 176.28510986];
        double[] w = [0.5, 1, 2, 1, 0.5, 1, 2, 1, 0.5, 1, 2, 1];
        var law = FormulaLaw.Create("E + A*x^(-alpha)", ["x"], ["E", "A", "alpha"]);
        var options = new FitOptions
        {
            Space = ResidualSpace.Log,
            Initial = ImmutableDictionary<string, double>.Empty.Add("E", 1.5).Add("A", 400).Add("alpha", 0.3),
        };
        var fit = LevenbergMarquardt.Fit(law, new FitData(["x"], x, y, w), options);

        Assert.True(fit.IsUsable, fit.Termination.Describe());
        double[] expected = [1.6899999994613593035, 406.40000000054318436, 0.33999999999957528489];
        for (int j = 0; j < 3; j++)
            Assert.True(NistProblem.Lre(fit.Parameters[j].Value, expected[j]) >= 9, $"{fit.Parameters[j].Name} = {fit.Parameters[j].Value:R}");
        double lre = NistProblem.Lre(fit.Statistics.ResidualSumOfSquares, 2.7614930741807085272e-23);
        Assert.True(lre >= 7, $"RSS {fit.Statistics.ResidualSumOfSquares:R} (LRE {lre:F2})");
        Assert.Equal(0.5 * fit.Statistics.ResidualSumOfSquares, fit.Objective, 1e-15 * fit.Objective);
    }

    [Fact]
    public void FixedParametersAndParametersAtBoundsStayPut()
    {
        var nist = NistProblem.Load("Lanczos1");
        var options = nist.Options(1) with
        {
            Initial = nist.Options(1).Initial.SetItem("b2", 1.5),
            Fixed = ImmutableDictionary<string, double>.Empty.Add("b1", 0.0951),
            Bounds = ImmutableDictionary<string, (double, double)>.Empty.Add("b2", (1.0, 2.0)),
        };
        var problem = FitProblem.Create(nist.Law(), nist.Data(), options);
        double[] theta = [0.0951, 1.0, 0.8607, 3.0, 1.5576, 5.0];
        var refined = ExtendedPrecisionRefinement.Refine(problem, theta);

        Assert.NotNull(refined);
        Assert.Equal(0.0951, refined.Theta[0]);
        Assert.Equal(1.0, refined.Theta[1]);
        Assert.Equal(theta.Length, refined.Theta.Length);
        Assert.Equal(nist.Y.Length, refined.Residuals.Length);
    }

    [Fact]
    public void StaysOutOfFitsItDoesNotApplyTo()
    {
        var nist = NistProblem.Load("Lanczos1");
        var huber = FitProblem.Create(nist.Law(), nist.Data(), nist.Options(1) with { Loss = new HuberLoss(1e-3) });
        Assert.Null(ExtendedPrecisionRefinement.Refine(huber, nist.Certified));

        var power = new PowerLaw();
        var data = new FitData(power.Variables, [1.0, 2, 4, 8], [3.0, 2.5, 2.2, 2.0]);
        var problem = FitProblem.Create(power, data);
        Assert.Null(ExtendedPrecisionRefinement.Refine(problem, [0.5, 1.0, 0.5]));
    }

    [Fact]
    public void NoRefinementWhereTheModelIsNotFinite()
    {
        var law = FormulaLaw.Create("a*log(x - b)", ["x"], ["a", "b"]);
        var problem = FitProblem.Create(law, new FitData(["x"], [1.0, 2, 3], [0.1, 0.2, 0.3]));
        Assert.Null(ExtendedPrecisionRefinement.Refine(problem, [1.0, 1.5]));
    }
}
