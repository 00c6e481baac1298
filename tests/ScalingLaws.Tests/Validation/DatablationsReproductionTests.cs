using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Tests.Data;
using ScalingLaws.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// Muennighoff et al.'s decay constants (huggingface/datablations, utils/parametric_fit.ipynb, LAWS.md §5
/// [R]): the base parameters frozen at the published values and only R*_D, R*_N refitted on the 182 runs.
/// The published R*_D = 15.39, R*_N = 5.31 with R² = 0.772 are not the optimum of the paper's stated
/// objective (Huber δ = 10⁻³ on log loss) on these 182 points: that optimum lies at R*_D ≈ 95, R*_N ≈ 1.7
/// with a lower objective and a higher R². The published pair is close to the optimum of the same Huber
/// loss on linear residuals. See docs/validation.md.
/// </summary>
public class DatablationsReproductionTests(ITestOutputHelper output)
{
    private static readonly ImmutableDictionary<string, double> Base = new Dictionary<string, double>
    {
        ["a"] = 6.255414, ["b"] = 7.3049974, ["e"] = 0.6254804, ["alpha"] = 0.3526596, ["beta"] = 0.3526596,
    }.ToImmutableDictionary();

    private static readonly double[] Published = [6.255414, 7.3049974, 0.6254804, 0.3526596, 0.3526596, 15.387756, 5.309743];

    /// <summary>
    /// 56 starts over the two free parameters only: the recipe's 1,800 starts differ in the frozen base
    /// parameters, so with the base fixed they collapse to 9 distinct pairs run 200 times each.
    /// </summary>
    private static readonly ExplicitStarts DecayStarts = new(
    [
        .. from rd in new[] { 1.0, 2, 5, 10, 15, 25, 50, 100 }
           from rn in new[] { 0.5, 1, 2, 5, 10, 20, 50 }
           select ImmutableDictionary<string, double>.Empty.Add("R_D_star", rd).Add("R_N_star", rn),
    ]);

    private static (DataConstrainedLaw Law, FitData Data) Load()
    {
        var law = new DataConstrainedLaw();
        var table = DatablationsReader.Read(DataPaths.Data("datablations", "parametric_fit.ipynb.cell26_fit_points.csv"));
        return (law, table.ToFitData(law.Variables, "loss"));
    }

    private static double[] Evaluate(IScalingLaw law, double[] theta, FitData data) =>
        [.. Enumerable.Range(0, data.Count).Select(i => law.Evaluate(theta, data.Row(i)))];

    [Fact]
    public void PublishedParametersGiveThePublishedRSquared()
    {
        var (law, data) = Load();
        Assert.Equal(182, data.Count);
        double r2 = Metrics.RSquared(data.Y, Evaluate(law, Published, data));
        // R*_D, R*_N → ∞ removes the decay: D′ = D, N′ = N, the Chinchilla form without repetition.
        double[] noDecay = [.. Published[..5], 1e12, 1e12];
        double r2NoDecay = Metrics.RSquared(data.Y, Evaluate(law, noDecay, data));
        output.WriteLine($"R² at the published parameters {r2:F4} (published 0.772); without decay {r2NoDecay:F4} (published 0.445)");
        Assert.Equal(0.772, r2, 0.0005);
        Assert.Equal(0.445, r2NoDecay, 0.0005);
    }

    [Fact]
    public void RefitWithTheFrozenBaseBeatsThePublishedDecayConstantsOnThePapersObjective()
    {
        var (law, data) = Load();
        var fit = LevenbergMarquardt.Fit(law, data, new FitOptions { Fixed = Base, Starts = DecayStarts });
        var predicted = fit.Predict(data);
        double objectiveAtPublished = Metrics.HuberObjective(data.Y, Evaluate(law, Published, data), 1e-3, ResidualSpace.Log);
        double r2 = Metrics.RSquared(data.Y, predicted);
        output.WriteLine($"Huber δ=1e-3 on log loss: R*_D = {fit["R_D_star"].Value:G5}, R*_N = {fit["R_N_star"].Value:G5}, objective {fit.Objective:G6} "
            + $"(at the published R*: {objectiveAtPublished:G6}), R² = {r2:F4}");

        Assert.True(fit.IsUsable, fit.BriefReport());
        Assert.Equal(HuberLossText, fit.Loss.ToText());
        Assert.Equal(ResidualSpace.Log, fit.Space);
        Assert.True(fit.Objective <= objectiveAtPublished, $"objective {fit.Objective:G8} > {objectiveAtPublished:G8} at the published decay constants");
        Assert.True(r2 >= 0.772, $"R² {r2:F4} below the published 0.772");
        // Excess parameters lose value faster than repeated data (the paper's qualitative finding).
        Assert.True(fit["R_N_star"].Value < fit["R_D_star"].Value);
        // Regression pins of our optimum (flat along R*_D; see the class summary).
        Assert.Equal(95.37, fit["R_D_star"].Value, 0.05 * 95.37);
        Assert.Equal(1.706, fit["R_N_star"].Value, 0.05 * 1.706);
    }

    [Fact]
    public void HuberOnLinearResidualsLandsNextToThePublishedDecayConstants()
    {
        var (law, data) = Load();
        var fit = LevenbergMarquardt.Fit(law, data, new FitOptions { Fixed = Base, Starts = DecayStarts, Space = ResidualSpace.Linear });
        double r2 = Metrics.RSquared(data.Y, fit.Predict(data));
        output.WriteLine($"Huber δ=1e-3 on linear loss: R*_D = {fit["R_D_star"].Value:G5}, R*_N = {fit["R_N_star"].Value:G5}, R² = {r2:F4}");
        Assert.True(fit.IsUsable, fit.BriefReport());
        Assert.Equal(15.387756, fit["R_D_star"].Value, 0.1 * 15.387756);
        Assert.Equal(5.309743, fit["R_N_star"].Value, 0.05 * 5.309743);
        Assert.Equal(0.772, r2, 0.001);
    }

    private const string HuberLossText = "huber:0.001";
}
