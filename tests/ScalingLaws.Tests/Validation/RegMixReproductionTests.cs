using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Tests.Data;
using ScalingLaws.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// RegMix 1M (sail-sg/regmix, LAWS.md §11 [R]): a data-mixing law fitted per validation domain on the 512
/// training mixtures ranks the 256 test mixtures; RegMix reports Spearman ρ (its LightGBM regressor:
/// Pile-CC 0.989). Every domain is computed; the test pins Pile-CC ≥ 0.95.
/// </summary>
public class RegMixReproductionTests(ITestOutputHelper output)
{
    /// <summary>
    /// Every 200th of the recipe's 6,000 starts (30), screened by 10 steps with the best 3 continuing: the
    /// full recipe costs about 2.5 CPU-minutes for 13 domains and reaches the same optimum for 12 of them
    /// (for ArXiv it stops at a slightly worse one, ρ 0.9795 instead of 0.9856); 30, 60, 200 and 300
    /// thinned starts all reach the same 13 optima (600, like 6,000, keep ArXiv's worse one).
    /// </summary>
    private static FitOptions Options(IScalingLaw law, FitData data)
    {
        var recipe = (ExplicitStarts)law.DefaultRecipe(data).Starts;
        return new FitOptions
        {
            Starts = new ExplicitStarts([.. recipe.Points.Where((_, i) => i % 200 == 0)]),
            Screening = new StartScreening(Iterations: 10, Survivors: 3),
        };
    }

    [Fact]
    public void DataMixingLawRanksTheTestMixtures()
    {
        string folder = DataPaths.Data("regmix");
        var train = RegMixReader.Read(folder, RegMixSet.Train1M);
        var test = RegMixReader.Read(folder, RegMixSet.Test1M);
        Assert.Equal(512, train.RowCount);
        Assert.Equal(256, test.RowCount);
        var weights = train.ColumnNames.Where(c => c.StartsWith("w_", StringComparison.Ordinal)).ToList();
        var targets = train.ColumnNames.Where(c => c.StartsWith("loss_", StringComparison.Ordinal)).ToList();
        Assert.Equal(17, weights.Count);
        Assert.Equal(13, targets.Count);
        var law = LawCatalog.Create("data-mixing", weights);

        var rho = new Dictionary<string, double>();
        foreach (string target in targets)
        {
            var options = new ValidationOptions { Fit = Options(law, train.ToFitData(law.Variables, target)) };
            var result = HoldOut.Evaluate(law, train, test, target, options);
            Assert.True(result.IsUsable, result.Fit.BriefReport());
            rho[target] = result.TestMetrics.SpearmanRho;
            output.WriteLine($"{target}: ρ = {rho[target]:F4}, test MAE {result.TestMetrics.MeanAbsoluteError:F4}, MRE {100 * result.TestMetrics.MeanRelativeError:F2} %, in-sample MAE {result.FitMetrics.MeanAbsoluteError:F4}");
        }
        Assert.True(rho["loss_pile_cc"] >= 0.95, $"Pile-CC ρ {rho["loss_pile_cc"]:F4} < 0.95");
        Assert.All(rho, kv => Assert.True(kv.Value >= 0.95, $"{kv.Key}: ρ {kv.Value:F4} < 0.95"));
    }
}
