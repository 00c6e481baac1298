using ScalingLaws.Fitting;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>Invalid fits are refused up front with a <see cref="FitSetupException"/> naming the culprit.</summary>
public class EngineSetupErrorTests
{
    private static string Refused(FitData data, FitOptions options) =>
        Assert.Throws<FitSetupException>(() => LevenbergMarquardt.Fit(DecayLaw(), data, options)).Message;

    [Fact]
    public void StartOutsideBounds()
    {
        string message = Refused(Decay(), new FitOptions { Bounds = Bounds(("k", 0, 1)), Initial = Map(("k", 1.5)) });
        Assert.Contains("'k'", message);
        Assert.Contains("1.5", message);
        Assert.Contains("outside its bounds [0, 1]", message);
    }

    [Fact]
    public void EmptyBounds()
    {
        string message = Refused(Decay(), new FitOptions { Bounds = Bounds(("A", 2, 1)) });
        Assert.Contains("'A'", message);
        Assert.Contains("[2, 1]", message);
    }

    [Fact]
    public void FewerRowsThanFreeParameters()
    {
        string message = Refused(Decay(n: 2), new FitOptions());
        Assert.Contains("2 rows", message);
        Assert.Contains("3 free parameters", message);
        // Fixing one parameter makes two rows enough.
        var fit = LevenbergMarquardt.Fit(DecayLaw(), Decay(n: 2), new FitOptions { Fixed = Map(("c", 0.5)) });
        Assert.Equal(2, fit.Statistics.FreeParameters);
    }

    [Theory]
    [InlineData("bounds")]
    [InlineData("initial value")]
    [InlineData("fixed value")]
    [InlineData("start value")]
    [InlineData("grid axis")]
    public void UnknownParameter(string where)
    {
        var options = where switch
        {
            "bounds" => new FitOptions { Bounds = Bounds(("kappa", 0, 1)) },
            "initial value" => new FitOptions { Initial = Map(("kappa", 1.0)) },
            "fixed value" => new FitOptions { Fixed = Map(("kappa", 1.0)) },
            "start value" => new FitOptions { Starts = Starts(Map(("k", 1.0)), Map(("kappa", 1.0))) },
            _ => new FitOptions { Starts = new GridStarts([GridAxis.Linspace("kappa", 0, 1, 3)]) },
        };
        string message = Refused(Decay(), options);
        Assert.Contains("Unknown parameter 'kappa'", message);
        Assert.Contains($"in {where}", message);
        Assert.Contains("A, k, c", message);
    }

    [Fact]
    public void EveryParameterFixed()
    {
        string message = Refused(Decay(), new FitOptions { Fixed = Map(("A", 2.0), ("k", 0.4), ("c", 0.5)) });
        Assert.Contains("Every parameter is fixed", message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    public void NonPositiveTargetInLogSpace(double bad)
    {
        var data = Decay();
        var y = data.Y.ToArray();
        y[4] = bad;
        string message = Refused(new FitData(data.Variables, data.X, y), new FitOptions { Space = ResidualSpace.Log });
        Assert.Contains("row 5", message);
        Assert.Contains(bad.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
        Assert.Contains("log space", message);
        // The same data are fine with linear residuals.
        Assert.True(LevenbergMarquardt.Fit(DecayLaw(), new FitData(data.Variables, data.X, y)).IsUsable);
    }

    [Fact]
    public void NegativeWeightAndNonFiniteTarget()
    {
        var data = Decay(n: 10);
        var w = Enumerable.Repeat(1.0, 10).ToArray();
        w[2] = -1;
        Assert.Contains("Weight of row 3", Refused(new FitData(data.Variables, data.X, data.Y, w), new FitOptions()));
        var y = data.Y.ToArray();
        y[6] = double.NaN;
        Assert.Contains("row 7", Refused(new FitData(data.Variables, data.X, y), new FitOptions()));
    }

    [Fact]
    public void NonFiniteFixedValue()
    {
        string message = Refused(Decay(), new FitOptions { Fixed = Map(("k", double.PositiveInfinity)) });
        Assert.Contains("Fixed value of 'k'", message);
    }
}
