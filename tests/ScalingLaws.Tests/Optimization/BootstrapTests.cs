using System.Collections.Immutable;
using ScalingLaws.Laws;
using ScalingLaws.Uncertainty;
using ScalingLaws.Optimization.Bootstrapping;
using ScalingLaws.Optimization.Mixtures;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Optimization;

public class BootstrapTests(ITestOutputHelper output)
{
    [Fact]
    public void ReplicatesAreDeterministicAndIndependentOfTheThreadCount()
    {
        var five = MixtureFixtures.FiveDomainFits;
        var options = new BootstrapOptions { Replicates = 24, Seed = 11, MaxDegreeOfParallelism = 1 };
        var one = Bootstrap.Refit(five.Fits, five.Data, options);
        var many = Bootstrap.Refit(five.Fits, five.Data, options with { MaxDegreeOfParallelism = 4 });
        Assert.Equal(5, one.Fits.Length);
        for (int f = 0; f < 5; f++)
            for (int r = 0; r < 24; r++)
                Assert.Equal(one.Fits[f].Samples[r].ToArray(), many.Fits[f].Samples[r].ToArray());
        Assert.Equal(Bootstrap.ResampleIndices(26, 11, 3).ToArray(), Bootstrap.ResampleIndices(26, 11, 3).ToArray());
        Assert.NotEqual(Bootstrap.ResampleIndices(26, 11, 3).ToArray(), Bootstrap.ResampleIndices(26, 11, 4).ToArray());
        Assert.True(one.Fits.All(f => f.UsableCount >= 20));
    }

    [Fact]
    public void ParameterIntervalsCoverTheEstimateOfAWellIdentifiedLaw()
    {
        // Chinchilla on synthetic data with 1% noise: the intervals should contain the true values' neighbourhood
        // and the point estimate.
        var random = new Random(5);
        double[] truth = [6.0, 6.0, 0.5, 0.34, 0.28];
        var law = new ChinchillaLaw();
        var x = new List<double>();
        var y = new List<double>();
        foreach (double n in new[] { 5e7, 1e8, 3e8, 1e9, 3e9 })
            foreach (double d in new[] { 1e9, 3e9, 1e10, 3e10, 1e11 })
            {
                x.Add(n); x.Add(d);
                y.Add(law.Evaluate(truth, [n, d]) * (1 + 0.01 * (random.NextDouble() - 0.5)));
            }
        var data = new ScalingLaws.Fitting.FitData(["N", "D"], x.ToArray(), y.ToArray(), target: "loss");
        var fit = ScalingLaws.Fitting.LevenbergMarquardt.Fit(law, data, new ScalingLaws.Fitting.FitOptions
        {
            Starts = ScalingLaws.Fitting.StartPoints.Single,
            Initial = new Dictionary<string, double> { ["a"] = 6, ["b"] = 6, ["e"] = 0.5, ["alpha"] = 0.3, ["beta"] = 0.3 }.ToImmutableDictionary(),
            Loss = ScalingLaws.Fitting.SquaredLoss.Instance,
        });
        var boot = Bootstrap.Refit(fit, data, new BootstrapOptions { Replicates = 200, Seed = 3, ExtraStarts = 1 });
        Assert.Equal(200, boot.Replicates);
        Assert.True(boot.UsableCount >= 190);
        foreach (var name in boot.ParameterNames)
        {
            var interval = boot.Interval(name);
            output.WriteLine($"{name}: {fit[name].Value:G5} [{interval.Lower:G5}, {interval.Upper:G5}] SE {boot.StandardErrors[boot.ParameterNames.IndexOf(name)]:G3} (asymptotic {fit[name].StandardError:G3})");
            Assert.True(interval.Contains(fit[name].Value), name);
            Assert.True(interval.Lower < interval.Upper);
        }
        // Bootstrap and asymptotic standard errors agree within a factor of 3.
        for (int j = 0; j < 5; j++)
        {
            double ratio = boot.StandardErrors[j] / fit.Parameters[j].StandardError!.Value;
            Assert.InRange(ratio, 1 / 3.0, 3.0);
        }
        var allocation = BootstrapOptimum.Allocation(boot, 1e21);
        output.WriteLine($"N_opt {allocation.Estimate.ModelSize:G4} [{allocation.ModelSizeInterval.Lower:G4}, {allocation.ModelSizeInterval.Upper:G4}]");
        Assert.True(allocation.ModelSizeInterval.Contains(allocation.Estimate.ModelSize));
        Assert.True(allocation.TokensInterval.Contains(allocation.Estimate.Tokens));
        Assert.True(allocation.Samples.Length >= 190);
    }

    [Fact]
    public void MixturePlanWithBootstrapIntervalsAndARobustChoice()
    {
        var five = MixtureFixtures.FiveDomainFits;
        var ensemble = Bootstrap.Refit(five.Fits, five.Data, new BootstrapOptions { Replicates = 60, Seed = 1 });
        var problem = new MixtureProblem { Model = five.Model, Objective = five.TotalLoss, Baselines = [MixtureBaseline.Uniform(5)] };
        var options = new MixtureOptimizerOptions { Samples = 512, Starts = 4 };
        var plan = BootstrapOptimum.Mixture(problem, ensemble, new BootstrapOptions { Level = 0.9 }, options);
        output.WriteLine(plan.Report());
        var u = plan.Uncertainty!;
        Assert.Equal(60, u.Replicates);
        Assert.True(u.Succeeded >= 50);
        Assert.Equal(0.9, u.Level);
        Assert.Equal(5, u.WeightIntervals.Length);
        Assert.Equal(1, u.RobustWeights.Sum(), 1e-12);
        Assert.All(u.WeightSamples, w => Assert.Equal(1, w.Sum(), 1e-12));
        Assert.All(plan.Losses, l => Assert.NotNull(l.Interval));
        // The robust choice minimises the ensemble-mean objective, so it is no worse there than the point estimate.
        Assert.True(u.RobustObjective <= u.PlanMeanObjective + 1e-9);
        var same = BootstrapOptimum.Mixture(problem, ensemble, new BootstrapOptions { Level = 0.9, MaxDegreeOfParallelism = 1 }, options);
        Assert.Equal(u.RobustWeights.ToArray(), same.Uncertainty!.RobustWeights.ToArray());
        Assert.Equal(u.WeightIntervals.ToArray(), same.Uncertainty.WeightIntervals.ToArray());
    }

    [Fact]
    public void EnsembleMustMatchTheModel()
    {
        var five = MixtureFixtures.FiveDomainFits;
        var ensemble = Bootstrap.Refit(five.Fits.Take(2).ToList(), five.Data.Take(2).ToList(), new BootstrapOptions { Replicates = 2 });
        var problem = new MixtureProblem { Model = five.Model, Objective = five.TotalLoss };
        var error = Assert.Throws<ArgumentException>(() => BootstrapOptimum.Mixture(problem, ensemble));
        Assert.Contains("2 fits but the model has 5 losses", error.Message);
        Assert.Throws<ArgumentException>(() => Bootstrap.Refit(five.Fits, five.Data.Take(4).ToList()));
    }

    [Fact]
    public void PercentileIntervalUsesLinearInterpolation()
    {
        var interval = BootstrapInterval.Percentile(Enumerable.Range(1, 101).Select(i => (double)i), 0.9);
        Assert.Equal(6, interval.Lower, 1e-12);
        Assert.Equal(96, interval.Upper, 1e-12);
        Assert.Equal(51, interval.Median, 1e-12);
        Assert.True(double.IsNaN(BootstrapInterval.Percentile([], 0.9).Lower));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.Percentile([1.0], 1.0));
    }
}
