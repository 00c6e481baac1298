using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// Ye et al.'s total-loss MAE of 0.0086 on six mixtures (mix_5_domains.ipynb, 70M, step 30k; LAWS.md §9
/// "Evaluation protocol" [R]): one data-mixing law per domain group, total = Σ group weight × group
/// prediction. The published figure is in-sample (the six mixtures are among the 26 fitted); the true
/// hold-out error is about 3.5 times larger.
/// </summary>
public class DataMixingReproductionTests(ITestOutputHelper output)
{
    private static readonly RunTable Table = FiveMixData.SeventyMillionAtThirtyThousand();

    private static readonly int[] Six = [.. FiveMixData.SixMixtures.Select(m => FiveMixData.RowOf(Table, m))];

    /// <summary>Total-loss MAE on the split's test rows, one law per group fitted on its fitting rows.</summary>
    private static double TotalLossMae(HoldOutSplit split, FitOptions? fitOptions = null)
    {
        var law = LawCatalog.Create("data-mixing", FiveMixData.WeightColumns);
        var options = new ValidationOptions { Fit = fitOptions ?? FitOptions.Default };
        var predicted = new double[split.TestRows.Length];
        foreach (string group in FiveMixData.Groups)
        {
            var result = HoldOut.Evaluate(law, Table, "loss_" + group, split, options);
            Assert.True(result.IsUsable, result.Fit.BriefReport());
            for (int k = 0; k < predicted.Length; k++) predicted[k] += FiveMixData.GroupWeights[group] * result.Predicted[k];
        }
        var total = Table.Numeric("loss_total");
        return Metrics.MeanAbsoluteError([.. split.TestRows.Select(i => total[i])], predicted);
    }

    [Fact]
    public void TheTableHoldsTheTwentySixMixturesAndTheGroupWeights()
    {
        Assert.Equal(26, Table.RowCount);
        Assert.Equal(6, Six.Distinct().Count());
        double[] expected = [0.341, 0.152, 0.050, 0.117, 0.340];
        for (int g = 0; g < 5; g++) Assert.Equal(expected[g], FiveMixData.GroupWeights[FiveMixData.Groups[g]], 0.0005);
    }

    [Fact]
    public void PublishedProtocolFitsAllTwentySixMixtures()
    {
        // The notebook's protocol: fit on all 26, score the six (which were fitted on): in-sample.
        var law = LawCatalog.Create("data-mixing", FiveMixData.WeightColumns);
        var predicted = new double[Six.Length];
        foreach (string group in FiveMixData.Groups)
        {
            var fit = LevenbergMarquardt.Fit(law, Table.ToFitData(law.Variables, "loss_" + group));
            Assert.True(fit.IsUsable, fit.BriefReport());
            Assert.Equal(6000, fit.Starts.Tried);
            var h = FiveMixData.WeightColumns.Select(Table.Numeric).ToArray();
            for (int k = 0; k < Six.Length; k++) predicted[k] += FiveMixData.GroupWeights[group] * fit.Predict([.. h.Select(c => c[Six[k]])]);
        }
        var total = Table.Numeric("loss_total");
        double mae = Metrics.MeanAbsoluteError([.. Six.Select(i => total[i])], predicted);
        output.WriteLine($"in-sample total-loss MAE on the six mixtures: {mae:F5} (published 0.0086)");
        Assert.Equal(0.0086, mae, 0.0005);
    }

    [Fact]
    public void TrueHoldOutOnTheSameSixMixtures()
    {
        double mae = TotalLossMae(HoldOutSplit.FromTestRows(Table.RowCount, Six));
        output.WriteLine($"hold-out total-loss MAE on the six mixtures, fitted on the other 20: {mae:F5}");
        Assert.True(mae <= 0.031, $"hold-out MAE {mae:F5} > 0.031");
        Assert.True(mae > 0.0086 * 2, "a true hold-out should be clearly worse than the in-sample figure");
    }

    /// <summary>
    /// 20 seeded random 20/6 splits (seeds 0…19). Each group's fit uses every 30th of the recipe's 6,000
    /// starts (200), screened by 10 steps with the best 8 continuing: 100 fits with 6,000 starts take
    /// about a minute on two cores; the thinned starts give the same split means (to 4 decimals) as 600
    /// starts (on the fixed split above both give 0.0306, the full recipe 0.0308). The mean depends on the splits:
    /// ten sets of 20 splits (base seeds 0, 100, …, 900) give means from 0.0221 to 0.0260.
    /// </summary>
    [Fact]
    public void MeanOverTwentyRandomSplits()
    {
        var law = LawCatalog.Create("data-mixing", FiveMixData.WeightColumns);
        var recipe = (ExplicitStarts)law.DefaultRecipe(Table.ToFitData(law.Variables, "loss_total")).Starts;
        var thinned = new FitOptions
        {
            Starts = new ExplicitStarts([.. recipe.Points.Where((_, i) => i % 30 == 0)]),
            Screening = new StartScreening(Iterations: 10, Survivors: 8),
        };
        var maes = CrossValidation.RandomSplits(Table.RowCount, testCount: 6, repeats: 20, seed: 0)
            .Select(split => TotalLossMae(split, thinned)).ToList();
        var sorted = maes.Order().ToList();
        output.WriteLine($"20 random 20/6 splits: mean {maes.Average():F4}, median {(sorted[9] + sorted[10]) / 2:F4}, range {sorted[0]:F4}–{sorted[^1]:F4}");
        Assert.True(maes.Average() <= 0.025, $"mean {maes.Average():F4} > 0.025");
    }
}
