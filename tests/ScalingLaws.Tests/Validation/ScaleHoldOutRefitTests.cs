using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// The scale hold-out's refit starts from the full fit's optima (<see cref="LevenbergMarquardt.Refit"/>) instead of the
/// whole start set. On well-posed synthetic logs it must reach what a cold multi-start refit with the same options
/// reaches, be deterministic whatever the thread count, and the joint mixture law's fits (full and refit) must keep
/// their objective at or below the additive law's through the embedded additive optimum.
/// </summary>
public class ScaleHoldOutRefitTests(ITestOutputHelper output)
{
    private static readonly string[] Domains = ["h_web", "h_code", "h_books"];

    private static readonly ImmutableDictionary<string, double> AdditiveTruth = new Dictionary<string, double>
    {
        ["E"] = 1.4, ["A"] = 300, ["B"] = 700, ["alpha"] = 0.3, ["beta"] = 0.29,
        ["C_web"] = 0.6, ["C_code"] = 0.3, ["C_books"] = 1.1, ["gamma_web"] = 0.5, ["gamma_code"] = 0.3, ["gamma_books"] = 0.7,
    }.ToImmutableDictionary();

    private static readonly ImmutableDictionary<string, double> JointTruth = AdditiveTruth.AddRange(new Dictionary<string, double>
    {
        ["a_code"] = 1.3, ["a_books"] = 0.8, ["gamma_A"] = 1.1, ["b_code"] = 0.75, ["b_books"] = 1.2, ["gamma_B"] = 0.8,
    });

    /// <summary>4 model sizes × 5 token counts × 10 mixtures, 0.5 % noise.</summary>
    private static FitData MixtureLog(IScalingLaw law, IReadOnlyDictionary<string, double> truth, int seed)
    {
        var design = SyntheticDesign.Cross(
            SyntheticDesign.Grid(("N", [1e8, 3e8, 6e8, 1.2e9]), ("D", SyntheticDesign.LogSpace(2e9, 5e10, 5))),
            SyntheticDesign.Simplex(Domains, 10, seed: 5));
        return SyntheticRuns.Generate(law, truth, design, 0.005, seed).ToFitData(law.Variables, "loss");
    }

    /// <summary>The Chinchilla law at Epoch's parameters on 4 sizes × 8 token counts, 0.5 % noise.</summary>
    private static FitData ChinchillaLog()
    {
        var law = new ChinchillaLaw();
        var design = SyntheticDesign.Grid(("N", [1e8, 3e8, 6e8, 1.2e9]), ("D", SyntheticDesign.LogSpace(2e9, 5e10, 8)));
        var truth = new Dictionary<string, double> { ["a"] = 6.17, ["b"] = 7.67, ["e"] = 0.597, ["alpha"] = 0.347, ["beta"] = 0.367 };
        return SyntheticRuns.Generate(law, truth, design, 0.005, seed: 2).ToFitData(law.Variables, "loss");
    }

    public static TheoryData<string> Laws => ["chinchilla", "mixture-additive"];

    [Theory]
    [MemberData(nameof(Laws))]
    public void RefitFromTheOptimaReachesWhatAColdMultiStartRefitReaches(string name)
    {
        IScalingLaw law = name == "chinchilla" ? new ChinchillaLaw() : new MixtureAdditiveLaw(Domains);
        var data = name == "chinchilla" ? ChinchillaLog() : MixtureLog(law, AdditiveTruth, seed: 1);
        var fit = LevenbergMarquardt.Fit(law, data);
        var (warm, reason) = ScaleHoldOut.Evaluate(fit, data);
        Assert.True(warm is not null, reason);
        var (split, _) = ScaleHoldOut.Split(law, data);
        var cold = HoldOut.Evaluate(law, data, split!, fit.Options);
        output.WriteLine($"warm: {warm.Fit.BriefReport()} ({warm.Fit.Starts.Tried} candidates), MRE {warm.TestMetrics.MeanRelativeError:R}");
        output.WriteLine($"cold: {cold.Fit.BriefReport()} ({cold.Fit.Starts.Tried} starts), MRE {cold.TestMetrics.MeanRelativeError:R}");

        Assert.True(warm.Fit.IsUsable && cold.Fit.IsUsable);
        Assert.True(warm.Fit.Starts.Tried < cold.Fit.Starts.Tried, "the refit runs the fit's optima, not its start set");
        Assert.Equal(cold.Fit.Objective, warm.Fit.Objective, 1e-9 * cold.Fit.Objective);
        foreach (var p in cold.Fit.Parameters)
            Assert.True(Math.Abs(warm.Fit[p.Name].Value - p.Value) <= 1e-4 * Math.Max(1, Math.Abs(p.Value)), $"{p.Name}: warm {warm.Fit[p.Name].Value:R}, cold {p.Value:R}");
        Assert.Equal(cold.TestMetrics.MeanRelativeError, warm.TestMetrics.MeanRelativeError, 1e-6);
        Assert.Equal(split!.TestRows.ToArray(), warm.TestRows.ToArray());
    }

    [Fact]
    public void RefitDoesNotDependOnTheThreadCount()
    {
        var law = new MixtureJointLaw(Domains);
        var data = MixtureLog(law, JointTruth, seed: 3);
        double[]? first = null;
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var fit = LevenbergMarquardt.Fit(law, data, new FitOptions { MaxDegreeOfParallelism = threads });
            var (result, reason) = ScaleHoldOut.Evaluate(fit, data);
            Assert.True(result is not null, reason);
            double[] values = [.. fit.Values, .. result.Fit.Values, .. result.Predicted];
            if (first is null) first = values;
            else Assert.Equal(first, values);
        }
    }

    /// <summary>
    /// Data from the additive truth, where the joint law's extra parameters only add valleys; with one random start the
    /// joint fit leans on the embedded additive optimum, and with the default starts too, its objective (full fit and
    /// scale hold-out refit) is never above the additive law's fitted with the same loss on the same rows.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void JointObjectiveIsNeverAboveTheAdditiveOne(int starts)
    {
        var joint = new MixtureJointLaw(Domains);
        var additive = new MixtureAdditiveLaw(Domains);
        var data = MixtureLog(joint, JointTruth.SetItems(JointTruth.Keys.Where(k => k.StartsWith("a_", StringComparison.Ordinal) || k.StartsWith("b_", StringComparison.Ordinal))
            .Select(k => KeyValuePair.Create(k, 1.0))), seed: 4);
        var recipe = (RandomStarts)joint.DefaultRecipe(data).Starts;
        var options = new FitOptions { Starts = recipe with { Count = starts } };
        var jointFit = LevenbergMarquardt.Fit(joint, data, options);
        var additiveFit = LevenbergMarquardt.Fit(additive, data);
        output.WriteLine($"joint {jointFit.Objective:R} ({jointFit.Starts.Tried} tried, best {jointFit.Starts.BestIndex}), additive {additiveFit.Objective:R}");
        Assert.True(jointFit.Objective <= additiveFit.Objective * (1 + 1e-12), $"joint {jointFit.Objective:R} above additive {additiveFit.Objective:R}");

        var (jointHoldOut, _) = ScaleHoldOut.Evaluate(jointFit, data);
        var (additiveHoldOut, _) = ScaleHoldOut.Evaluate(additiveFit, data);
        Assert.True(jointHoldOut!.Fit.Objective <= additiveHoldOut!.Fit.Objective * (1 + 1e-12),
            $"refit: joint {jointHoldOut.Fit.Objective:R} above additive {additiveHoldOut.Fit.Objective:R}");
    }

    [Fact]
    public void FitKeepsItsDistinctOptimaLowestFirstStartingWithItsParameters()
    {
        var law = new MixtureAdditiveLaw(Domains);
        var data = MixtureLog(law, AdditiveTruth, seed: 1);
        var fit = LevenbergMarquardt.Fit(law, data);
        Assert.NotEmpty(fit.Optima);
        Assert.Equal(fit.Values.ToArray(), fit.Optima[0].ToArray());
        Assert.All(fit.Optima, o => Assert.Equal(law.Parameters.Length, o.Length));

        // A fit without optima (e.g. read back from a file) is refitted from its parameters.
        var bare = fit with { Optima = [] };
        var (split, _) = ScaleHoldOut.Split(law, data);
        var refit = LevenbergMarquardt.Refit(bare, data.Subset(split!.FitRows.AsSpan()), fit.Options);
        Assert.Equal(1, refit.Starts.Tried);
        Assert.True(refit.IsUsable, refit.BriefReport());
    }
}
