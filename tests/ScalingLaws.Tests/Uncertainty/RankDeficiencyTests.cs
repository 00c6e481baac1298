using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Uncertainty;

/// <summary>A rank-deficient fit says which parameters cannot be told apart — all of them, not just two.</summary>
public class RankDeficiencyTests
{
    private static FitResult Fit(string formula, string[] parameters)
    {
        var law = FormulaLaw.Create(formula, ["x"], parameters);
        double[] x = [.. Enumerable.Range(1, 12).Select(i => 0.5 * i)];
        double[] y = [.. x.Select(v => 2.0 * Math.Exp(-0.3 * v) + 0.1 + 0.001 * Math.Sin(7 * v))];
        return LevenbergMarquardt.Fit(law, new FitData(["x"], x, y));
    }

    [Fact]
    public void NamesEveryParameterOfTheFlatDirection()
    {
        // exp(p + q − r) is one amplitude: p, q and r move together along (1, 1, 0), (1, 0, 1), … without changing the fit.
        var fit = Fit("exp(p + q - r)*exp(-k*x) + c", ["p", "q", "r", "k", "c"]);
        Assert.False(fit.Covariance.IsAvailable);
        Assert.Contains("rank-deficient", fit.Covariance.Reason);
        foreach (var name in new[] { "'p'", "'q'", "'r'" }) Assert.Contains(name, fit.Covariance.Reason);
        Assert.DoesNotContain("'k'", fit.Covariance.Reason);
        Assert.DoesNotContain("'c'", fit.Covariance.Reason);
    }

    [Fact]
    public void NamesAProductPair()
    {
        var fit = Fit("a*b*exp(-k*x) + c", ["a", "b", "k", "c"]);
        Assert.False(fit.Covariance.IsAvailable);
        Assert.True(fit.Covariance.Reason!.Contains("'a' and 'b' are not separately identifiable"), fit.Covariance.Reason);
    }

    /// <summary>
    /// With d fixed at 0 the exponent g changes nothing (a zero Jacobian column): the others keep the covariance of the fit
    /// without the term, and g is named as not identified instead of making the whole matrix unavailable.
    /// </summary>
    [Fact]
    public void AParameterWithoutEffectIsLeftOutOfTheCovariance()
    {
        var law = FormulaLaw.Create("A*exp(-k*x) + c + d*x^g", ["x"], ["A", "k", "c", "d", "g"]);
        double[] x = [.. Enumerable.Range(1, 12).Select(i => 0.5 * i)];
        double[] y = [.. x.Select(v => 2.0 * Math.Exp(-0.3 * v) + 0.1 + 0.001 * Math.Sin(7 * v))];
        var fit = LevenbergMarquardt.Fit(law, new FitData(["x"], x, y), new FitOptions { Fixed = ImmutableDictionary<string, double>.Empty.Add("d", 0) });
        var plain = Fit("A*exp(-k*x) + c", ["A", "k", "c"]);
        Assert.True(fit.Covariance.IsAvailable, fit.Covariance.Reason);
        Assert.Equal(["A", "k", "c"], fit.Covariance.Names.ToArray());
        // Same optimum and Jacobian columns; σ̂² differs only by the degrees of freedom (g still counts as free: 12 − 4 against 12 − 3).
        foreach (var name in new[] { "A", "k", "c" })
        {
            double se = fit.Parameters.Single(p => p.Name == name).StandardError!.Value, expected = plain.Parameters.Single(p => p.Name == name).StandardError!.Value * Math.Sqrt(9.0 / 8);
            Assert.True(Math.Abs(se / expected - 1) < 1e-6, $"{name}: {se:R} against {expected:R}");
        }
        Assert.Null(fit.Parameters.Single(p => p.Name == "g").StandardError);
        Assert.Contains(fit.Warnings, w => w.StartsWith("'g' does not change the fit", StringComparison.Ordinal));
    }

    [Fact]
    public void IdentifiableFitHasCovariance() =>
        Assert.True(Fit("A*exp(-k*x) + c", ["A", "k", "c"]).Covariance.IsAvailable);
}
