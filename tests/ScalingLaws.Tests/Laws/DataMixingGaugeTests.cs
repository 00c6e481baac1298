using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Tests.Data;
using ScalingLaws.Tests.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Laws;

/// <summary>
/// The data-mixing law's gauge: on the simplex a common shift of every t and of log_k leaves the law unchanged;
/// the recipe pins it with the reference domain's t = 0, so fits have unique parameters and a covariance.
/// </summary>
public class DataMixingGaugeTests(ITestOutputHelper output)
{
    [Fact]
    public void ACommonShiftOfTheTsAndLogKLeavesTheLawUnchangedOnTheSimplex()
    {
        var law = new DataMixingLaw(["a", "b", "c", "d"]);
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            var r = Enumerable.Range(0, 4).Select(_ => -Math.Log(1 - random.NextDouble())).ToArray();
            double sum = r.Sum();
            for (int j = 0; j < 4; j++) r[j] /= sum;
            var theta = Enumerable.Range(0, 6).Select(_ => 4 * random.NextDouble() - 2).ToArray();
            double shift = 200 * random.NextDouble() - 100;
            var shifted = (double[])theta.Clone();
            shifted[1] -= shift;
            for (int j = 2; j < 6; j++) shifted[j] += shift;
            double expected = law.Evaluate(theta, r);
            Assert.Equal(expected, law.Evaluate(shifted, r), 1e-10 * Math.Max(1, expected) + 1e-9 * Math.Abs(shift) * (expected - Math.Exp(theta[0])));
        }
    }

    [Fact]
    public void TheGradientAtAFittedPointMatchesCentralDifferences()
    {
        var table = FiveMixData.SeventyMillionAtThirtyThousand();
        var law = new DataMixingLaw(FiveMixData.WeightColumns);
        var fit = LevenbergMarquardt.Fit(law, table.ToFitData(law.Variables, "loss_academic"));
        var theta = fit.Values.ToArray();
        var gradient = new double[theta.Length];
        for (int row = 0; row < table.RowCount; row += 5)
        {
            var x = law.Domains.Select(d => table.Numeric(d)[row]).ToArray();
            law.EvaluateWithGradient(theta, x, gradient);
            for (int j = 0; j < theta.Length; j++)
            {
                double h = 1e-6 * Math.Max(1, Math.Abs(theta[j]));
                var plus = (double[])theta.Clone(); plus[j] += h;
                var minus = (double[])theta.Clone(); minus[j] -= h;
                double numeric = (law.Evaluate(plus, x) - law.Evaluate(minus, x)) / (2 * h);
                Assert.Equal(numeric, gradient[j], 1e-7 * Math.Max(1, Math.Abs(numeric)));
            }
        }
    }

    [Fact]
    public void FiveMixGroupFitsPinTheReferenceDomainAndHaveACovariance()
    {
        var table = FiveMixData.SeventyMillionAtThirtyThousand();
        var law = new DataMixingLaw(FiveMixData.WeightColumns);
        foreach (string group in FiveMixData.Groups)
        {
            var data = table.ToFitData(law.Variables, "loss_" + group);
            var fit = LevenbergMarquardt.Fit(law, data);
            Assert.True(fit.IsUsable, fit.BriefReport());
            string pinned = law.Parameters[2 + law.ReferenceDomain(data)].Name;
            Assert.Equal(BoundState.Fixed, fit.Parameters.Single(p => p.Name == pinned).Bound);
            Assert.Equal(0.0, fit.Parameters.Single(p => p.Name == pinned).Value);
            Assert.True(fit.Covariance.IsAvailable, $"{group}: {fit.Covariance.Reason}");
            Assert.Equal(law.Parameters.Length - 1, fit.Covariance.Names.Length);
            Assert.DoesNotContain(pinned, fit.Covariance.Names);
            Assert.All(fit.Parameters, p => Assert.True(p.Bound == BoundState.Fixed || p.StandardError is > 0 and < 1e3, $"{group}: {p.Name} ± {p.StandardError}"));
            output.WriteLine($"{group}: reference {pinned}, condition number {fit.Covariance.ConditionNumber:G3}, " +
                string.Join(", ", fit.Parameters.Select(p => $"{p.Name} = {p.Value:F3} ± {p.StandardError:F3}")));
        }
    }

    [Fact]
    public void RegMixOneMillionFitHasBoundedParametersAndACovariance()
    {
        var train = RegMixReader.Read(DataPaths.Data("regmix"), RegMixSet.Train1M);
        var weights = train.ColumnNames.Where(c => c.StartsWith("w_", StringComparison.Ordinal)).ToList();
        var law = new DataMixingLaw(weights);
        var data = train.ToFitData(law.Variables, "loss_pile_cc");
        // Every 200th of the recipe's starts, screened (as in the RegMix reproduction): same optimum, 1/200 of the cost.
        var recipe = (ExplicitStarts)law.DefaultRecipe(data).Starts;
        var fit = LevenbergMarquardt.Fit(law, data, new FitOptions
        {
            Starts = new ExplicitStarts([.. recipe.Points.Where((_, i) => i % 200 == 0)]),
            Screening = new StartScreening(Iterations: 10, Survivors: 3),
        });
        Assert.True(fit.IsUsable, fit.BriefReport());
        Assert.True(fit.Covariance.IsAvailable, fit.Covariance.Reason);
        Assert.All(fit.Parameters, p => Assert.InRange(p.Value, -50, 50));
        Assert.All(fit.Parameters.Where(p => p.Bound != BoundState.Fixed), p => Assert.True(double.IsFinite(p.StandardError ?? double.NaN), p.Name));
        output.WriteLine(string.Join(", ", fit.Parameters.Select(p => $"{p.Name} = {p.Value:F3} ± {p.StandardError:F3}")));
    }
}
