using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// Standard errors of a robust fit come from the loss-reweighted Jacobian; when most rows are
/// down-weighted the fit says so and points at the bootstrap.
/// </summary>
public class RobustStandardErrorWarningTests
{
    private static readonly double[] X = [.. Enumerable.Range(1, 40).Select(i => 0.25 * i)];

    private static FitResult Fit(RobustLoss loss, double noise)
    {
        var random = new Random(3);
        double[] y = [.. X.Select(x => 2 * Math.Exp(-0.4 * x) + 0.5 + noise * (random.NextDouble() - 0.5))];
        var law = FormulaLaw.Create("A*exp(-k*x) + c", ["x"], ["A", "k", "c"]);
        return LevenbergMarquardt.Fit(law, new FitData(["x"], X, y), new FitOptions { Loss = loss });
    }

    [Fact]
    public void MostRowsBeyondTheHuberThresholdGiveAWarning()
    {
        var fit = Fit(new HuberLoss(1e-3), noise: 0.05);
        Assert.True(fit.Covariance.IsAvailable);
        Assert.Contains(fit.Warnings, w => w.Contains("loss-reweighted Jacobian") && w.Contains("of 40 here") && w.Contains("huber:0.001"));
    }

    [Fact]
    public void ResidualsInsideTheThresholdGiveNone()
    {
        var fit = Fit(new HuberLoss(1.0), noise: 0.05);
        Assert.DoesNotContain(fit.Warnings, w => w.Contains("loss-reweighted"));
    }

    [Fact]
    public void SquaredLossGivesNone() =>
        Assert.DoesNotContain(Fit(SquaredLoss.Instance, noise: 0.05).Warnings, w => w.Contains("loss-reweighted"));
}
