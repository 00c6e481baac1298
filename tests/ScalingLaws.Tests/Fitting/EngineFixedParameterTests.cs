using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>Fixed parameters keep their value and behave as if substituted into the formula.</summary>
public class EngineFixedParameterTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.4731)]
    [InlineData(-0.1)]
    public void FixedParameterEqualsSubstitutedFormula(double c)
    {
        var data = Decay(0.02);
        var fit = LevenbergMarquardt.Fit(DecayLaw(), data, new FitOptions { Fixed = Map(("c", c)) });
        var substituted = LevenbergMarquardt.Fit(
            FormulaLaw.Create($"A*exp(-k*x) + ({c.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})", ["x"], ["A", "k"]), data);

        Assert.True(fit.IsUsable);
        Assert.Equal(c, fit["c"].Value);
        Assert.Equal(BoundState.Fixed, fit["c"].Bound);
        Assert.Null(fit["c"].StandardError);
        Assert.Equal(new[] { "A", "k" }, fit.Covariance.Names.ToArray());
        Assert.Equal(2, fit.Statistics.FreeParameters);
        foreach (string name in new[] { "A", "k" })
        {
            AssertRelative(substituted[name].Value, fit[name].Value, 1e-9, name);
            AssertRelative(substituted[name].StandardError!.Value, fit[name].StandardError!.Value, 1e-6, name + " SE");
        }
        AssertRelative(substituted.Objective, fit.Objective, 1e-10, "objective");
    }

    [Fact]
    public void FixedValueOutsideTheLawsStartIsKeptEvenWithMultipleStarts()
    {
        var options = new FitOptions
        {
            Fixed = Map(("k", 0.3)),
            Starts = Starts(Map(("A", 1.0), ("k", 5.0)), Map(("A", 3.0), ("c", 0.0))),
        };
        var fit = LevenbergMarquardt.Fit(DecayLaw(), Decay(), options);
        Assert.Equal(0.3, fit["k"].Value);
        Assert.Equal(0.3, fit["k"].Initial);
        Assert.Equal(2, fit.Starts.Tried);
        Assert.DoesNotContain("k", fit.Covariance.Names);
    }
}
