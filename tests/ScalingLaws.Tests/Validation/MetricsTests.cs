using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Fitting;
using ScalingLaws.Validation;
using Xunit;

namespace ScalingLaws.Tests.Validation;

public class MetricsTests
{
    private static readonly double[] Observed = [2.0, 2.5, 3.0, 4.0];
    private static readonly double[] Predicted = [2.1, 2.4, 3.3, 3.6];

    [Fact]
    public void ErrorsByHand()
    {
        Assert.Equal((0.1 + 0.1 + 0.3 + 0.4) / 4, Metrics.MeanAbsoluteError(Observed, Predicted), 1e-15);
        Assert.Equal((0.1 / 2 + 0.1 / 2.5 + 0.3 / 3 + 0.4 / 4) / 4, Metrics.MeanRelativeError(Observed, Predicted), 1e-15);
        Assert.Equal(Math.Sqrt((0.01 + 0.01 + 0.09 + 0.16) / 4), Metrics.RootMeanSquareError(Observed, Predicted), 1e-15);
        double log = Math.Sqrt(Observed.Zip(Predicted, (o, p) => Math.Pow(Math.Log(p / o), 2)).Average());
        Assert.Equal(log, Metrics.RootMeanSquareLogError(Observed, Predicted), 1e-15);
        double mean = Observed.Average();
        double r2 = 1 - 0.27 / Observed.Sum(o => (o - mean) * (o - mean));
        Assert.Equal(r2, Metrics.RSquared(Observed, Predicted), 1e-14);
    }

    [Fact]
    public void HuberObjectiveSwitchesFromQuadraticToLinearAtDelta()
    {
        // Residuals 0.1, -0.1, 0.3, -0.4 with δ = 0.2: two quadratic, two linear.
        double expected = 0.01 / 2 + 0.01 / 2 + 0.2 * (0.3 - 0.1) + 0.2 * (0.4 - 0.1);
        Assert.Equal(expected, Metrics.HuberObjective(Observed, Predicted, 0.2), 1e-15);
        Assert.Equal(0.27 / 2, Metrics.Objective(Observed, Predicted, SquaredLoss.Instance, ResidualSpace.Linear), 1e-15);
        double logHuber = Observed.Zip(Predicted, (o, p) => new HuberLoss(0.05).Cost(Math.Log(p) - Math.Log(o))).Sum();
        Assert.Equal(logHuber, Metrics.HuberObjective(Observed, Predicted, 0.05, ResidualSpace.Log), 1e-15);
        Assert.Throws<ArgumentException>(() => Metrics.HuberObjective(Observed, Predicted, 0));
    }

    [Fact]
    public void RanksAverageTies()
    {
        Assert.Equal([1, 2.5, 2.5, 4], Metrics.Ranks([10, 20, 20, 30]));
        Assert.Equal([3, 1, 3, 3, 5], Metrics.Ranks([7, 1, 7, 7, 9]));
    }

    [Fact]
    public void SpearmanWithTiesIsPearsonOfAverageRanks()
    {
        // Pearson correlation of the average ranks (1, 2.5, 2.5, 4, 5) and (1, 4, 2.5, 2.5, 5): 29/38.
        Assert.Equal(29.0 / 38, Metrics.SpearmanRho([1, 2, 2, 3, 4], [1, 3, 2, 2, 5]), 1e-14);
        Assert.Equal(1.0, Metrics.SpearmanRho([1, 2, 3], [10, 200, 3000]), 1e-15);
        Assert.Equal(-1.0, Metrics.SpearmanRho([1, 2, 3], [3, 2, 1]), 1e-15);
        Assert.True(double.IsNaN(Metrics.SpearmanRho([1, 1, 1], [1, 2, 3])));
    }

    [Fact]
    public void NonFinitePredictionsNeverLookGood()
    {
        double[] bad = [2.1, double.NaN, 3.3, 3.6];
        Assert.True(double.IsNaN(Metrics.MeanAbsoluteError(Observed, bad)));
        Assert.True(double.IsNaN(Metrics.Objective(Observed, bad, SquaredLoss.Instance, ResidualSpace.Linear)));
        Assert.True(double.IsNaN(Metrics.SpearmanRho(Observed, bad)));
        Assert.True(double.IsNaN(Metrics.RootMeanSquareLogError(Observed, [2.1, -1, 3.3, 3.6])));
    }

    [Fact]
    public void LengthsMustAgree()
    {
        Assert.Throws<ArgumentException>(() => Metrics.MeanAbsoluteError([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => Metrics.MeanAbsoluteError([], []));
    }

    [Property(MaxTest = 200)]
    public Property SpearmanIsInvariantUnderMonotoneMaps(NormalFloat[] xs, NormalFloat[] ys)
    {
        int n = Math.Min(xs.Length, ys.Length);
        var x = xs.Take(n).Select(v => v.Get).ToArray();
        var y = ys.Take(n).Select(v => v.Get).ToArray();
        return (n >= 2).Implies(() =>
        {
            double rho = Metrics.SpearmanRho(x, y);
            double mapped = Metrics.SpearmanRho([.. x.Select(v => Math.Atan(v) * 3 + 1)], y);
            double reversed = Metrics.SpearmanRho([.. x.Select(v => -v)], y);
            return double.IsNaN(rho)
                ? double.IsNaN(mapped)
                : Math.Abs(rho - mapped) < 1e-12 && Math.Abs(rho + reversed) < 1e-12 && rho is >= -1 and <= 1;
        });
    }

    [Fact]
    public void PredictionMetricsCollectEverything()
    {
        var m = PredictionMetrics.Compute(Observed, Predicted, new HuberLoss(0.2), ResidualSpace.Linear);
        Assert.Equal(4, m.Count);
        Assert.Equal(Metrics.MeanAbsoluteError(Observed, Predicted), m.Error(ErrorMetric.MeanAbsoluteError));
        Assert.Equal(Metrics.HuberObjective(Observed, Predicted, 0.2), m.Error(ErrorMetric.Objective));
        Assert.Equal(Metrics.SpearmanRho(Observed, Predicted), m.SpearmanRho);
    }
}
