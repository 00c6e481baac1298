using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Nested;
using ScalingLaws.Tests.Data;
using Xunit;

namespace ScalingLaws.Tests.Nested;

public sealed class NestedRealDataTests
{
    [Fact]
    public void TheOneBillionRunsAreNeverReadByTheFit()
    {
        string set = DataPaths.Data("mixinglaws", "RedPajama");
        string copy = Path.Combine(Path.GetTempPath(), "nested-" + Guid.NewGuid().ToString("N"), "RedPajama");
        Directory.CreateDirectory(copy);
        try
        {
            foreach (var f in Directory.GetFiles(set, "*.txt").Where(f => Path.GetFileName(f) != "1B.txt"))
                File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
            var weights = PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));
            NestedFit Fit(string folder)
            {
                var table = PileDomainGroups.AddGroupLosses(MixingLawsReader.ReadSet(folder), weights);
                return NestedPipeline.Fit(table, new NestedOptions
                {
                    TargetModelSize = MixingLawsReader.NonEmbeddingParameters["1B"], TargetStep = 100_000,
                    Targets = ["loss_total"], Domains = [.. table.ColumnNames.Where(c => c.StartsWith("h_", StringComparison.Ordinal))],
                    MinimumStep = 10_000, MaximumStep = 30_000, StepSharing = StepExponentSharing.Run,
                    MixtureFitOptions = new FitOptions { Starts = new RandomStarts(32) },
                });
            }
            var full = Fit(set);
            var without = Fit(copy);
            Assert.Equal(2, full.Observations.Length);
            Assert.Empty(without.Observations);
            Assert.Equal(full.SizeLaw.Fit.Values.ToArray(), without.SizeLaw.Fit.Values.ToArray());
            Assert.Equal(full.MixtureLaws[0].Fit.Values.ToArray(), without.MixtureLaws[0].Fit.Values.ToArray());
        }
        finally { Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true); }
    }

    private static NestedFit FitGroups(string set, string size, double step, double maximumStep)
    {
        var weights = PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));
        var table = PileDomainGroups.AddGroupLosses(MixingLawsReader.ReadSet(DataPaths.Data("mixinglaws", set), MixingLawsReader.DomainsOf(set)), weights);
        return NestedPipeline.Fit(table, new NestedOptions
        {
            TargetModelSize = MixingLawsReader.NonEmbeddingParameters[size], TargetStep = step,
            Targets = [.. PileDomainGroups.GroupNames.Select(g => "loss_" + g)],
            TotalWeights = PileDomainGroups.GroupWeights(weights).ToImmutableDictionary(p => "loss_" + p.Key, p => p.Value),
            Domains = [.. table.ColumnNames.Where(c => c.StartsWith("h_", StringComparison.Ordinal))],
            MinimumStep = 10_000, MaximumStep = maximumStep,
        });
    }

    /// <summary>
    /// The check the bundled data allow for all fitted mixtures: fitted on 70M–305M only, the pipeline's defaults
    /// (five Pile groups, valid_weight total, stage-3 law by leave-one-mixture-out error, each fitted mixture's own
    /// effect kept with its empirical-Bayes weight) predict every mixture's run at 410M, step 30k. Measured total-loss
    /// MAE (docs/validation.md; the mixture law alone: 0.0137, 0.0135, 0.0101): RedPajama steps
    /// 10k–30k 0.0090, RedPajama steps 10k–20k (step and size extrapolated) 0.0093, 5Mix 0.0064. The step → size chain:
    /// 0.0089, 0.0091, 0.0065. The tolerance allows small optimiser differences, not a new method.
    /// </summary>
    [Theory]
    [InlineData("RedPajama", 30_000, 20, 0.0090, 0.0089)]
    [InlineData("RedPajama", 20_000, 20, 0.0093, 0.0091)]
    [InlineData("5Mix", 30_000, 26, 0.0064, 0.0065)]
    public void FittedBelow410MEveryMixtureAt410MStep30kIsWithinTheMeasuredError(string set, double maximumStep, int runs, double modelError, double chainError)
    {
        var fit = FitGroups(set, "410M", 30_000, maximumStep);
        Assert.Equal(3, fit.SizeLaw.Sizes.Length);
        var rows = NestedPrediction.For(fit, []).Where(p => p.Label == "observed").ToList();
        Assert.Equal(runs, rows.Count);
        Assert.All(rows, r => Assert.False(r.Chain.IsEmpty));
        double model = rows.Average(r => Math.Abs(fit.Total(r.Model) - fit.Total(r.Observed)));
        double chain = rows.Average(r => Math.Abs(fit.Total(r.Chain) - fit.Total(r.Observed)));
        double law = rows.Average(r => Math.Abs(fit.Total(fit.Predict(r.Weights)) - fit.Total(r.Observed)));
        Assert.InRange(model, modelError - 0.0005, modelError + 0.0005);
        Assert.InRange(chain, chainError - 0.0005, chainError + 0.0005);
        // The mixture law alone (the optimiser's surface) misses each fitted mixture's own effect.
        Assert.True(law > model + 0.0005, $"law {law}, model {model}");
    }

    /// <summary>
    /// The two RedPajama reference runs at 1B, step 100k: the optimised mixture (observed 2.6787) is predicted below
    /// the default one (2.7133), as observed. Measured 2.5552 and 2.5637 (docs/validation.md).
    /// </summary>
    [Fact]
    public void AtOneBillionAndStep100kTheOptimisedMixtureIsPredictedBelowTheDefault()
    {
        var fit = FitGroups("RedPajama", "1B", 100_000, 30_000);
        var rows = NestedPrediction.For(fit, []).Where(p => p.Label == "observed").OrderBy(r => fit.Total(r.Observed)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(2.6787, fit.Total(rows[0].Observed), 3);
        Assert.True(fit.Total(rows[0].Model) < fit.Total(rows[1].Model), $"{fit.Total(rows[0].Model)} vs {fit.Total(rows[1].Model)}");
    }
}
