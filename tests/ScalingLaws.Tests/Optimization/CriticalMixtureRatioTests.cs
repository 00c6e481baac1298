using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Laws;
using ScalingLaws.Optimization.Continual;
using Xunit;

namespace ScalingLaws.Tests.Optimization;

public class CriticalMixtureRatioTests
{
    [Fact]
    public void MonotoneLossCrossesWhereTheClosedFormSays()
    {
        var result = CriticalMixtureRatio.Solve(r => 2 + r * r, 2.0);
        Assert.Equal(CriticalMixtureRatioStatus.Crossing, result.Status);
        Assert.Equal(Math.Sqrt(0.05), result.Ratio!.Value, 1e-11);
        Assert.Equal(2.05, result.Limit, 1e-15);
        Assert.True(result.GeneralLossAtRatio <= result.Limit);
        Assert.Same(LossTolerance.Default, result.Tolerance);
        Assert.True(result.IsFeasible);
    }

    [Fact]
    public void DcptChemistryExampleIsReproducedWithARelativeTolerance()
    {
        // Que et al. 2024, usage 1: Qwen1.5-1.8B, chemistry, D = 10B, T = 3%, L_g⁰ = 2.8602, limit 2.9460, chosen r_d = 0.924.
        double[] r = [0.90, 0.91, 0.92, 0.924, 0.93, 0.94, 1.0];
        double[] lg = [2.9052, 2.9193, 2.9376, 2.9445, 2.9644, 2.9848, 3.4667];
        double Interpolated(double x)
        {
            if (x <= r[0]) return lg[0];
            int i = Array.FindIndex(r, v => v >= x);
            return lg[i - 1] + (lg[i] - lg[i - 1]) * (x - r[i - 1]) / (r[i] - r[i - 1]);
        }
        var result = CriticalMixtureRatio.Solve(Interpolated, 2.8602, LossTolerance.Relative(0.03));
        Assert.Equal(2.9460, result.Limit, 5e-5);
        Assert.Equal(CriticalMixtureRatioStatus.Crossing, result.Status);
        Assert.InRange(result.Ratio!.Value, 0.924, 0.93);
        Assert.Equal(0.924 + 0.006 * (2.946006 - 2.9445) / (2.9644 - 2.9445), result.Ratio.Value, 1e-9);
    }

    [Fact]
    public void AllFeasibleWhenTheLossNeverExceedsTheLimit()
    {
        var result = CriticalMixtureRatio.Solve(_ => 2.0, 2.0);
        Assert.Equal(CriticalMixtureRatioStatus.AllFeasible, result.Status);
        Assert.Equal(1.0, result.Ratio);
    }

    [Fact]
    public void UpperBoundFeasibleWhenOnlyAnInteriorBumpExceedsTheLimit()
    {
        var result = CriticalMixtureRatio.Solve(r => 2 + (Math.Abs(r - 0.5) < 0.1 ? 1 : 0), 2.0);
        Assert.Equal(CriticalMixtureRatioStatus.UpperBoundFeasible, result.Status);
        Assert.Equal(1.0, result.Ratio);
    }

    [Fact]
    public void InfeasibleWhenEveryShareExceedsTheLimit()
    {
        var result = CriticalMixtureRatio.Solve(_ => 3.0, 2.0, LossTolerance.Absolute(0.5));
        Assert.Equal(CriticalMixtureRatioStatus.Infeasible, result.Status);
        Assert.Null(result.Ratio);
        Assert.Null(result.GeneralLossAtRatio);
        Assert.False(result.IsFeasible);
    }

    [Fact]
    public void NonFiniteLossesAreInfeasible()
    {
        var result = CriticalMixtureRatio.Solve(r => r > 0.3 ? double.NaN : 2.0, 2.0);
        Assert.Equal(CriticalMixtureRatioStatus.Crossing, result.Status);
        Assert.Equal(0.3, result.Ratio!.Value, 1e-11);
    }

    [Property(MaxTest = 200)]
    public Property RatioLawMatchesItsClosedForm() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            double alpha = 0.05 + 0.5 * random.NextDouble(), s = 0.1 + 2 * random.NextDouble(), beta = 1.5 + random.NextDouble();
            double l0 = beta, epsilon = 0.01 + 0.2 * random.NextDouble() * alpha;
            double expected = Math.Pow(epsilon / alpha, 1 / s);
            var result = CriticalMixtureRatio.FromRatioLaw(alpha, s, beta, l0, LossTolerance.Absolute(epsilon));
            var viaLaw = CriticalMixtureRatio.Solve(new CmrRatioLaw(), [alpha, s, beta], l0, LossTolerance.Absolute(epsilon));
            bool ok = result.Status == CriticalMixtureRatioStatus.Crossing
                      && Math.Abs(result.Ratio!.Value - expected) < 1e-9
                      && result.GeneralLossAtRatio <= result.Limit
                      && viaLaw.Ratio == result.Ratio;
            return ok.Label($"seed {seed}: expected {expected:R}, got {result.Ratio:R} ({result.Status}), via law {viaLaw.Ratio:R}");
        });

    [Fact]
    public void ToleranceLimits()
    {
        Assert.Equal(2.05, LossTolerance.Default.Limit(2.0), 1e-15);
        Assert.Equal(LossToleranceKind.Absolute, LossTolerance.Default.Kind);
        Assert.Equal(2.06, LossTolerance.Relative(0.03).Limit(2.0), 1e-15);
        Assert.Equal(2.5, LossTolerance.Absolute(0.5).Limit(2.0), 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => LossTolerance.Absolute(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossTolerance.Relative(double.NaN));
    }

    [Fact]
    public void BadInputsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => CriticalMixtureRatio.Solve(r => r, double.NaN));
        Assert.Throws<ArgumentException>(() => CriticalMixtureRatio.Solve(r => r, 1.0, scanPoints: 1));
        var twoVariables = Assert.Throws<ArgumentException>(() => CriticalMixtureRatio.Solve(new ChinchillaLaw(), [6, 6, 0.5, 0.3, 0.3], 2.0));
        Assert.Contains("pass a function of the domain share", twoVariables.Message);
        Assert.Throws<ArgumentException>(() => CriticalMixtureRatio.Solve(new CmrRatioLaw(), [1, 2], 2.0));
    }

    [Fact]
    public void TokensLawIsTheClosedForm()
    {
        Assert.Equal(0.22524761 * Math.Pow(100, 0.26944345) - 0.48139982,
            CriticalMixtureRatio.FromTokensLaw(0.22524761, 0.26944345, -0.48139982, 100), 1e-15);
    }
}
