using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>Points where the model is ≤ 0 in log space, or not finite, are rejected trials or invalid starts, never exceptions.</summary>
public class EngineLogSpaceTests
{
    private static FitData Positive()
    {
        var x = Xs(30);
        double[] y = [.. x.Select((v, i) => (1 + 2 * v) * (1 + 0.01 * Noise(i)))];
        return new FitData(["x"], x, y);
    }

    [Fact]
    public void StartWithNonPositiveModelIsInvalidStart()
    {
        var fit = LevenbergMarquardt.Fit(LineLaw(), Positive(),
            new FitOptions { Space = ResidualSpace.Log, Initial = Map(("a", -5.0), ("b", 1.0)) });
        Assert.Equal(Termination.InvalidStart, fit.Termination);
        Assert.False(fit.IsUsable);
        Assert.True(double.IsNaN(fit.Objective));
        Assert.False(fit.Covariance.IsAvailable);
        Assert.Equal(-5.0, fit["a"].Value);
    }

    [Fact]
    public void ValidStartAmongInvalidOnesIsChosen()
    {
        var options = new FitOptions
        {
            Space = ResidualSpace.Log,
            Starts = Starts(Map(("a", -5.0)), Map(("a", 0.5), ("b", 1.0)), Map(("a", 0.0), ("b", 0.0))),
        };
        var fit = LevenbergMarquardt.Fit(LineLaw(), Positive(), options);
        Assert.True(fit.IsUsable);
        Assert.Equal(1, fit.Starts.BestIndex);
        Assert.Equal(1, fit.Starts.Converged);
        AssertRelative(1, fit["a"].Value, 0.05, "a");
        AssertRelative(2, fit["b"].Value, 0.05, "b");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // without acceleration the first damped Gauss–Newton trial certainly has a < 0
    public void TrialsThroughNonPositiveModelAreRejectedAndTheFitConverges(bool accelerate)
    {
        // Log-space location fit from a far start: the Gauss–Newton step −a·(ln a − mean ln y)
        // is about −9·10⁴ at a = 10⁴, so early trials have a ≤ 0.
        double[] y = [1e-3, 1, 1e3, 0.5, 2];
        var law = FormulaLaw.Create("a", ["x"], ["a"]);
        var fit = LevenbergMarquardt.Fit(law, new FitData(["x"], new double[y.Length], y),
            new FitOptions { Space = ResidualSpace.Log, Initial = Map(("a", 1e4)), GeodesicAcceleration = accelerate });
        Assert.True(fit.IsUsable, fit.Termination.ToString());
        double geometricMean = Math.Exp(y.Average(t => Math.Log(t)));
        AssertRelative(geometricMean, fit["a"].Value, 1e-10, "a");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TrialsWhereTheModelIsNaNAreRejectedAndTheFitConverges(bool accelerate)
    {
        // sqrt(x − b) is NaN for b > 1 at x = 1: any trial overshooting b is rejected.
        double[] x = [.. Enumerable.Range(0, 30).Select(i => 1 + 0.3 * i)];
        double[] y = [.. x.Select(v => 2 * Math.Sqrt(v - 0.9))];
        var law = FormulaLaw.Create("a*sqrt(x - b)", ["x"], ["a", "b"]);
        var fit = LevenbergMarquardt.Fit(law, new FitData(["x"], x, y), new FitOptions { Initial = Map(("a", 1.0), ("b", -20.0)), GeodesicAcceleration = accelerate });
        Assert.True(fit.IsUsable, fit.Termination.ToString());
        AssertRelative(2, fit["a"].Value, 1e-8, "a");
        AssertRelative(0.9, fit["b"].Value, 1e-8, "b");
    }

    [Theory]
    [InlineData("a*sqrt(x - b)", 5.0)]   // NaN at x = 1
    [InlineData("a/(x - b)", 1.0)]       // ±∞ at x = 1
    public void StartWhereTheModelIsNotFiniteIsInvalidStart(string formula, double b)
    {
        double[] x = [.. Enumerable.Range(0, 30).Select(i => 1 + 0.3 * i)];
        double[] y = [.. x.Select(v => 1 + 0.1 * v)];
        var law = FormulaLaw.Create(formula, ["x"], ["a", "b"]);
        var fit = LevenbergMarquardt.Fit(law, new FitData(["x"], x, y), new FitOptions { Initial = Map(("b", b)) });
        Assert.Equal(Termination.InvalidStart, fit.Termination);
        Assert.False(fit.IsUsable);
        Assert.Contains(fit.Warnings, w => w.Contains("not finite"));
    }

    [Fact]
    public void LogSpaceFitOfAPowerLawRecoversItsParameters()
    {
        double[] x = [.. Enumerable.Range(1, 20).Select(i => Math.Pow(10, 0.2 * i))];
        double[] y = [.. x.Select((v, i) => 3 * Math.Pow(v, -0.3) * Math.Exp(0.01 * Noise(i)))];
        var law = FormulaLaw.Create("A*x^(-alpha)", ["x"], ["A", "alpha"]);
        var fit = LevenbergMarquardt.Fit(law, new FitData(["x"], x, y), new FitOptions { Space = ResidualSpace.Log });
        Assert.Equal(ResidualSpace.Log, fit.Space);
        Assert.True(fit.IsUsable);
        // In log space this is the straight line ln y = ln A − α ln x: compare with its OLS solution.
        double[] u = [.. x.Select(t => Math.Log(t))], v = [.. y.Select(t => Math.Log(t))];
        double ub = u.Average(), vb = v.Average();
        double slope = u.Zip(v).Sum(p => (p.First - ub) * (p.Second - vb)) / u.Sum(t => (t - ub) * (t - ub));
        AssertRelative(-slope, fit["alpha"].Value, 1e-9, "alpha");
        AssertRelative(Math.Exp(vb - slope * ub), fit["A"].Value, 1e-9, "A");
    }
}
