using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// The stall test: a fit whose objective falls by at most <see cref="FitOptions.StallTolerance"/> (relative)
/// over <see cref="FitOptions.StallWindow"/> trial steps stops as <see cref="Termination.Stalled"/>, which
/// counts as converged; 0 turns the test off.
/// </summary>
public class EngineStallTests
{
    private static readonly double[] X = [.. Enumerable.Range(0, 30).Select(i => 0.1 * i)];

    private static FitResult Fit(FitOptions options)
    {
        var random = new Random(5);
        double[] y = [.. X.Select(x => 3 * Math.Exp(-1.3 * x) + 0.2 + 0.01 * (random.NextDouble() - 0.5))];
        var law = FormulaLaw.Create("A*exp(-k*x) + c", ["x"], ["A", "k", "c"]);
        return LevenbergMarquardt.Fit(law, new FitData(["x"], X, y), options with
        {
            Initial = System.Collections.Immutable.ImmutableDictionary<string, double>.Empty.Add("A", 0.1).Add("k", 9.0).Add("c", 2.0),
        });
    }

    [Fact]
    public void SlowProgressOverTheWindowStopsAsStalledAndCountsAsConverged()
    {
        // Any window of 3 steps that lowers the objective by less than 90% stalls.
        var fit = Fit(new FitOptions { StallWindow = 3, StallTolerance = 0.9 });
        Assert.Equal(Termination.Stalled, fit.Termination);
        Assert.True(fit.IsUsable);
        Assert.True(fit.Iterations >= 3);
        Assert.StartsWith("converged", Termination.Stalled.Describe());
    }

    [Fact]
    public void TheDefaultWindowLeavesAnOrdinaryFitAlone()
    {
        var fit = Fit(new FitOptions());
        Assert.True(fit.Termination.IsConverged());
        Assert.NotEqual(Termination.Stalled, fit.Termination);
        var off = Fit(new FitOptions { StallWindow = 0 });
        Assert.Equal(fit.Termination, off.Termination);
        Assert.Equal(fit.Values.ToArray(), off.Values.ToArray());
    }

    [Fact]
    public void ABadWindowOrToleranceIsASetupError()
    {
        Assert.Contains("StallWindow (-1)", Assert.Throws<FitSetupException>(() => Fit(new FitOptions { StallWindow = -1 })).Message);
        Assert.Contains("StallTolerance", Assert.Throws<FitSetupException>(() => Fit(new FitOptions { StallTolerance = double.NaN })).Message);
    }
}
