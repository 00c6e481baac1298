using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Laws;
using ScalingLaws.Nested;
using ScalingLaws.Uncertainty;
using Xunit;

namespace ScalingLaws.Tests.Nested;

public sealed class NestedPipelineTests
{
    // Truth: L(N, S, h) = 1.5 + 0.6·h_b + (3e7/N)^0.3 + (2000/S)^0.5·(1 + h_a); every stage's law holds exactly.
    private static double Truth(double n, double s, double a) => 1.5 + 0.6 * (1 - a) + Math.Pow(3e7 / n, 0.3) + Math.Pow(2000 / s, 0.5) * (1 + a);

    private static readonly double[] Shares = [0.1, 0.25, 0.4, 0.55, 0.7, 0.85];

    private static RunTable Synthetic(double[] sizes, double[] steps, Func<double, double, bool>? keep = null, bool withTarget = true, Func<double, double>? effect = null)
    {
        var n = new List<double>(); var s = new List<double>(); var a = new List<double>(); var b = new List<double>(); var y = new List<double>();
        void Add(double size, double step, double share) { n.Add(size); s.Add(step); a.Add(share); b.Add(1 - share); y.Add(Truth(size, step, share) + (effect?.Invoke(share) ?? 0)); }
        foreach (var size in sizes) foreach (var share in Shares) foreach (var step in steps)
            if (keep?.Invoke(size, share) ?? true) Add(size, step, share);
        if (withTarget) foreach (var share in Shares) Add(1e9, 1e5, share);
        return new RunTable("synthetic.csv", [RunColumn.Numeric("N", n), RunColumn.Numeric("step", s), RunColumn.Numeric("h_a", a),
            RunColumn.Numeric("h_b", b), RunColumn.Numeric("loss", y)]);
    }

    private static NestedOptions Options(StepExponentSharing sharing = StepExponentSharing.Size) => new()
    {
        TargetModelSize = 1e9, TargetStep = 1e5, Targets = ["loss"], Domains = ["h_a", "h_b"], StepSharing = sharing,
        MixtureLaw = FormulaLaw.Create("c + d*h_a", ["h_a", "h_b"]),
    };

    private static readonly double[] Sizes = [1e7, 3e7, 1e8, 3e8];
    private static readonly double[] Steps = [1000, 2000, 3000, 5000, 8000, 13000];

    [Theory]
    [InlineData(StepExponentSharing.Size)]
    [InlineData(StepExponentSharing.Run)]
    public void ExactLawsAreRecoveredAtTheTargetAndTheTargetRunsAreNotFitted(StepExponentSharing sharing)
    {
        var fit = NestedPipeline.Fit(Synthetic(Sizes, Steps), Options(sharing));
        Assert.Equal(6, fit.Mixtures.Length);
        Assert.Equal(6, fit.Observations.Length);
        foreach (var o in fit.Observations)
            Assert.Equal(o.Losses[0], fit.Predict(o.Weights)[0], 3);
        Assert.All(fit.StepLaws, s => Assert.True(s.HoldOutError < 1e-4));
        Assert.True(fit.SizeLaw.HoldOutError < 1e-4);
        Assert.Equal(0.3, fit.SizeLaw.Fit.Values[^1], 3);
        // The observations at the target never enter a fit: the same data without them give the same fits.
        var without = NestedPipeline.Fit(Synthetic(Sizes, Steps, withTarget: false), Options(sharing));
        Assert.Equal(fit.MixtureLaws[0].Fit.Values.ToArray(), without.MixtureLaws[0].Fit.Values.ToArray());
    }

    [Fact]
    public void AFittedMixtureKeepsItsOwnEffectBeyondTheLawAndANewMixtureGetsTheLaw()
    {
        // Each mixture carries an effect the linear law cannot express, at every size and step: its own runs see it.
        static double Effect(double a) => 0.03 * Math.Sin(20 * a);
        var fit = NestedPipeline.Fit(Synthetic(Sizes, Steps, effect: Effect), Options());
        var law = fit.MixtureLaws[0];
        Assert.InRange(Math.Sqrt(law.RunEffectVariance), 0.01, 0.05);
        Assert.All(law.RunEffectWeights, k => Assert.InRange(k, 0.99, 1));
        var observed = NestedPrediction.For(fit, []).Where(p => p.Label == "observed").ToList();
        Assert.Equal(6, observed.Count);
        foreach (var p in observed)
        {
            Assert.Equal(p.Observed[0], p.Model[0], 3);
            Assert.Equal(p.Chain[0], p.Model[0], 3);
        }
        // The law alone (the optimiser's surface) misses the effects.
        Assert.True(observed.Average(p => Math.Abs(fit.Predict(p.Weights)[0] - p.Observed[0])) > 0.01);
        // A mixture without runs has no effect of its own to keep: the law alone.
        var given = Assert.Single(NestedPrediction.For(fit, [[0.3, 0.7]]));
        Assert.True(given.Chain.IsEmpty);
        Assert.Equal(fit.Predict([0.3, 0.7])[0], given.Model[0], 12);
    }

    [Fact]
    public void BootstrapIsDeterministicAcrossThreadCountsAndCoversTheTruth()
    {
        var fit = NestedPipeline.Fit(Synthetic(Sizes, Steps), Options());
        var one = NestedBootstrap.Run(fit, new BootstrapOptions { Replicates = 4, Seed = 7, MaxDegreeOfParallelism = 1 });
        var two = NestedBootstrap.Run(fit, new BootstrapOptions { Replicates = 4, Seed = 7, MaxDegreeOfParallelism = 2 });
        for (int r = 0; r < 4; r++) Assert.Equal(one.Fits[0].Samples[r].ToArray(), two.Fits[0].Samples[r].ToArray());
        var interval = NestedBootstrap.PredictionIntervals(fit, one, [0.4, 0.6], 0.95)[0];
        Assert.InRange(Truth(1e9, 1e5, 0.4), interval.Lower - 1e-3, interval.Upper + 1e-3);
    }

    [Fact]
    public void AMixtureMissingAtOneSizeKeepsItsSizeCurveThroughTheOthersAndOneAtASingleSizeIsLeftOut()
    {
        var table = Synthetic(Sizes, Steps, keep: (n, a) => !(n == 1e8 && a == 0.25) && !(n != 1e7 && a == 0.7));
        var fit = NestedPipeline.Fit(table, Options());
        Assert.Equal(5, fit.Mixtures.Length);
        Assert.Contains(fit.Warnings, w => w.Contains("0.25-0.75 (no run at N = 1E+08)", StringComparison.Ordinal));
        Assert.Contains(fit.Warnings, w => w.Contains("fewer than two fitted sizes", StringComparison.Ordinal) && w.Contains("0.7-0.3 (logged at N = 1E+07 only)", StringComparison.Ordinal));
        // The exponent is shared, so the partly logged mixture's size curve is still exact at the target.
        int m = fit.Mixtures.IndexOf(fit.Mixtures.Single(w => w[0] == 0.25));
        Assert.Equal(Truth(1e9, 1e5, 0.25), fit.SizeLaw.AtTarget[m][0], 3);
        Assert.True(double.IsNaN(fit.SizeLaw.Inputs[m][0][2]));
    }

    [Fact]
    public void WeightsOffTheSimplexAreRescaledWithAWarningSoEveryRouteEvaluatesTheSameMixture()
    {
        var table = Synthetic(Sizes, Steps);
        var a = table.Numeric("h_a").ToArray();
        var b = table.Numeric("h_b").Select((v, i) => table.Numeric("N")[i] == 1e9 && a[i] == 0.4 ? v + 0.05 : v).ToArray();
        var shifted = new RunTable("synthetic.csv", [RunColumn.Numeric("N", table.Numeric("N")), RunColumn.Numeric("step", table.Numeric("step")),
            RunColumn.Numeric("h_a", a), RunColumn.Numeric("h_b", b), RunColumn.Numeric("loss", table.Numeric("loss"))]);
        var fit = NestedPipeline.Fit(shifted, Options());
        Assert.Contains(fit.Warnings, w => w.Contains("sum to 1.05", StringComparison.Ordinal) && w.Contains("rescaled to sum to 1", StringComparison.Ordinal));
        Assert.Equal(fit.Predict([0.4 / 1.05, 0.65 / 1.05])[0], fit.Predict([0.4, 0.65])[0], 12);
        var observed = fit.Observations.Single(o => Math.Abs(o.Weights[0] - 0.4 / 1.05) < 1e-12);
        Assert.Equal(1, observed.Weights.Sum(), 12);
    }

    [Fact]
    public void WithoutALawStageThreeKeepsTheCandidateWithTheLeastLeaveOneOutError()
    {
        // The truth is linear in the weights: the linear mixture model is exact, the data mixing law is not.
        var fit = NestedPipeline.Fit(Synthetic(Sizes, Steps), Options() with { MixtureLaw = null });
        var chosen = Assert.Single(fit.MixtureLaws);
        Assert.Equal(["data-mixing", "linear"], chosen.CandidateErrors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("linear", chosen.Law);
        Assert.Equal(chosen.CandidateErrors.Values.Min(), chosen.LeaveOneOutError);
        Assert.True(chosen.LeaveOneOutError < 1e-3);
        Assert.Equal(Truth(1e9, 1e5, 0.4), fit.Predict([0.4, 0.6])[0], 3);
    }

    [Fact]
    public void ARunWithTooFewStepsIsNamedWithItsFileLine()
    {
        var table = Synthetic(Sizes, Steps);
        var keep = Enumerable.Range(0, table.RowCount).Where(i => !(table.Numeric("N")[i] == 3e7 && table.Numeric("h_a")[i] == 0.4 && table.Numeric("step")[i] > 3000)).ToList();
        var fit = NestedPipeline.Fit(table.Where(keep), Options());
        Assert.Equal(5, fit.Mixtures.Length);
        var warning = Assert.Single(fit.Warnings, w => w.Contains("too few logged steps", StringComparison.Ordinal));
        Assert.Contains("synthetic.csv:", warning, StringComparison.Ordinal);
        Assert.Contains("has 3 logged step(s)", warning, StringComparison.Ordinal);
        Assert.Contains("needs at least 4", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetsBelowTheFittedRangeAreErrors()
    {
        var table = Synthetic(Sizes, Steps);
        var small = Assert.Throws<DataException>(() => NestedPipeline.Fit(table, Options() with { TargetModelSize = 5e6 }));
        Assert.Contains("below the target N = 5E+06", small.Message, StringComparison.Ordinal);
        var early = Assert.Throws<DataException>(() => NestedPipeline.Fit(table, Options() with { TargetStep = 500 }));
        Assert.Contains("target step 500 lies below the fitted range of steps [1000, 13000]", early.Message, StringComparison.Ordinal);
        var inside = NestedPipeline.Fit(table, Options() with { TargetStep = 4000 });
        Assert.Contains(inside.Warnings, w => w.Contains("inside the logged steps", StringComparison.Ordinal));
    }

    [Fact]
    public void SharedExponentGradientMatchesFiniteDifferences()
    {
        var law = new SharedExponentPowerLaw(3);
        double[] theta = [0.3, 0.5, 0.7, 9.0, 10.0, 11.0, 0.6];
        foreach (var x in new[] { new[] { 5000.0, 0 }, [20000.0, 1], [1e5, 2] })
        {
            var gradient = new double[theta.Length];
            law.EvaluateWithGradient(theta, x, gradient);
            for (int j = 0; j < theta.Length; j++)
            {
                var up = (double[])theta.Clone(); up[j] += 1e-6;
                var down = (double[])theta.Clone(); down[j] -= 1e-6;
                double numeric = (law.Evaluate(up, x) - law.Evaluate(down, x)) / 2e-6;
                Assert.Equal(numeric, gradient[j], 6);
            }
        }
    }
}
