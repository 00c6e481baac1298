using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Laws;

/// <summary>Default recipes: the paper's loss and space, starts that name real parameters, lie in bounds and evaluate.</summary>
public class RecipeTests
{
    public static TheoryData<string> Labels() => [.. LawSamples.All.Select(c => c.Label)];

    /// <summary>Synthetic data: 40 rows sampled from the law's sampler, targets from one true θ.</summary>
    private static FitData Synthetic(LawCase lawCase, int seed)
    {
        var random = new Random(seed);
        var (truth, _) = lawCase.Sample(random);
        var x = new List<double>();
        var y = new List<double>();
        for (int i = 0; i < 40; i++)
        {
            var (_, row) = lawCase.Sample(random);
            x.AddRange(row);
            y.Add(lawCase.Law.Evaluate(truth, row));
        }
        return new FitData(lawCase.Law.Variables, x.ToArray(), y.ToArray());
    }

    private static IEnumerable<ImmutableDictionary<string, double>> Points(StartPoints starts) => starts switch
    {
        ExplicitStarts e => e.Points,
        GridStarts g => g.Axes.Aggregate(
            (IEnumerable<ImmutableDictionary<string, double>>)[ImmutableDictionary<string, double>.Empty],
            (acc, axis) => acc.SelectMany(p => axis.Values.Select(v => p.Add(axis.Parameter, v)))),
        _ => [],
    };

    [Theory]
    [MemberData(nameof(Labels))]
    public void StartsNameParametersLieInBoundsAndEvaluate(string label)
    {
        var lawCase = LawSamples.Get(label);
        var law = lawCase.Law;
        var data = Synthetic(lawCase, 3);
        var recipe = law.DefaultRecipe(data);
        var specs = law.Parameters.ToDictionary(p => p.Name);

        if (recipe.Starts is RandomStarts random)
        {
            Assert.True(random.Count >= 64);
            Assert.NotNull(random.Ranges);
            Assert.Equal(specs.Keys.Order(), random.Ranges!.Keys.Order());
            foreach (var (name, (lo, hi)) in random.Ranges)
            {
                Assert.True(lo <= hi, $"{name}: [{lo}, {hi}]");
                Assert.True(specs[name].Contains(lo) && specs[name].Contains(hi), $"{name}: range [{lo}, {hi}] outside bounds");
            }
            var middle = law.Parameters.Select(p => 0.5 * (random.Ranges[p.Name].Lower + random.Ranges[p.Name].Upper)).ToArray();
            AssertFinite(law, middle, data, recipe.Space, "range midpoint");
            return;
        }

        var points = Points(recipe.Starts).ToList();
        Assert.NotEmpty(points);
        foreach (var point in points.Where((_, i) => i % Math.Max(1, points.Count / 500) == 0))
        {
            foreach (var (name, value) in point)
            {
                Assert.True(specs.ContainsKey(name), $"start names unknown parameter '{name}'");
                Assert.True(specs[name].Contains(value), $"start {name} = {value} outside [{specs[name].Lower}, {specs[name].Upper}]");
            }
            var theta = law.Parameters.Select(p => point.TryGetValue(p.Name, out double v) ? v : p.Initial).ToArray();
            AssertFinite(law, theta, data, recipe.Space, string.Join(", ", point.Select(kv => $"{kv.Key}={kv.Value}")));
        }
    }

    private static void AssertFinite(IScalingLaw law, double[] theta, FitData data, ResidualSpace space, string where)
    {
        var gradient = new double[theta.Length];
        for (int i = 0; i < data.Count; i++)
        {
            double value = law.EvaluateWithGradient(theta, data.Row(i), gradient);
            Assert.True(double.IsFinite(value), $"{law.Name}: value {value} at {where}");
            if (space == ResidualSpace.Log) Assert.True(value > 0, $"{law.Name}: value {value} ≤ 0 in log space at {where}");
        }
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void RecipesAreDeterministicAndWorkWithoutRows(string label)
    {
        var lawCase = LawSamples.Get(label);
        var data = Synthetic(lawCase, 5);
        Assert.Equal(Describe(lawCase.Law.DefaultRecipe(data)), Describe(lawCase.Law.DefaultRecipe(data)));
        var empty = new FitData(lawCase.Law.Variables, ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty);
        Assert.NotNull(lawCase.Law.DefaultRecipe(empty));
    }

    private static string Describe(FitRecipe recipe) =>
        recipe.Loss.ToText() + recipe.Space + string.Join(";", Points(recipe.Starts).Select(p => string.Join(",", p.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value:R}"))))
        + (recipe.Starts is RandomStarts r ? $"{r.Count}:{string.Join(",", r.Ranges!.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"))}" : "");

    [Fact]
    public void ChinchillaUsesHoffmannsGridHuberAndLogSpace()
    {
        var recipe = new ChinchillaLaw().DefaultRecipe(Synthetic(LawSamples.Get("chinchilla"), 1));
        Assert.Equal(new HuberLoss(1e-3), recipe.Loss);
        Assert.Equal(ResidualSpace.Log, recipe.Space);
        var grid = Assert.IsType<GridStarts>(recipe.Starts);
        Assert.Equal(4500, grid.Count);
        Assert.Equal([0, 5, 10, 15, 20, 25], grid.Axes.Single(a => a.Parameter == "a").Values.ToArray());
        Assert.Equal([-1, -0.5, 0, 0.5, 1], grid.Axes.Single(a => a.Parameter == "e").Values.ToArray());
        Assert.Equal([0, 0.5, 1, 1.5, 2], grid.Axes.Single(a => a.Parameter == "alpha").Values.ToArray());
    }

    [Fact]
    public void DataMixingUsesTheReferenceSixThousandStartsInTheReferenceDomainGauge()
    {
        var law = new DataMixingLaw(LawSamples.DataMixingDomains);
        var data = Synthetic(LawSamples.Get("data-mixing"), 1);
        var recipe = law.DefaultRecipe(data);
        Assert.Equal(new HuberLoss(0.05), recipe.Loss);
        Assert.Equal(ResidualSpace.Linear, recipe.Space);
        int reference = law.ReferenceDomain(data);
        var means = law.Domains.Select(d => data.Column(d).Average()).ToList();
        Assert.Equal(means.IndexOf(means.Max()), reference);
        string pinned = "t_" + law.Domains[reference];
        Assert.Equal(new Dictionary<string, double> { [pinned] = 0.0 }, recipe.Fixed);
        var points = Assert.IsType<ExplicitStarts>(recipe.Starts).Points;
        Assert.Equal(6000, points.Length);
        // The reference notebook's starts (t_j uniform in [0, 0.1) from seed 4096), mapped to t_ref = 0.
        var random = new Random(4096);
        int k = 0;
        for (int i = 0; i < 10; i++)
            for (int j = 0; j < 20; j++)
                for (int repeat = 0; repeat < 30; repeat++, k++)
                {
                    var t = law.Domains.Select(_ => 0.1 * random.NextDouble()).ToArray();
                    Assert.Equal(-2 + 3.5 * i / 9, points[k]["log_c"], 12);
                    Assert.Equal(-10 + 11.0 * j / 19 + t[reference], points[k]["log_k"], 12);
                    for (int d = 0; d < t.Length; d++) Assert.Equal(t[d] - t[reference], points[k]["t_" + law.Domains[d]], 12);
                }
    }

    [Fact]
    public void DataConstrainedUsesHuberOnLogWithTheBaseGrid()
    {
        var recipe = new DataConstrainedLaw().DefaultRecipe(Synthetic(LawSamples.Get("data-constrained/excess-parameters"), 1));
        Assert.Equal(new HuberLoss(1e-3), recipe.Loss);
        Assert.Equal(ResidualSpace.Log, recipe.Space);
        var points = Assert.IsType<ExplicitStarts>(recipe.Starts).Points;
        Assert.Equal(1800, points.Length);
        Assert.Equal([0, 6.25, 12.5, 18.75, 25], points.Select(p => p["a"]).Distinct().Order());
        Assert.All(points, p => Assert.Equal(p["alpha"], p["beta"]));
    }

    [Theory]
    [InlineData("mixture-additive", 64, 8, 500)]
    [InlineData("mixture-joint", 64, 4, 2000)]
    public void MixtureLawsUseHuberOnRawLossWithRandomStarts(string label, int count, int survivors, int stageIterations)
    {
        var lawCase = LawSamples.Get(label);
        var data = Synthetic(lawCase, 1);
        var recipe = lawCase.Law.DefaultRecipe(data);
        Assert.Equal(new HuberLoss(1e-3), recipe.Loss);
        Assert.Equal(ResidualSpace.Linear, recipe.Space);
        var random = Assert.IsType<RandomStarts>(recipe.Starts);
        Assert.Equal(count, random.Count);
        Assert.Equal(data.Y.ToArray().Min(), random.Ranges!["E"].Upper);
        Assert.Equal(new StartScreening(Iterations: 10, Survivors: survivors) { Continuation = true, StageIterations = stageIterations }, recipe.Screening);
    }

    [Fact]
    public void OffsetPowerStartsAlreadyFitExactData()
    {
        // For data exactly on α·R^s + β with s on the start list, one start is the truth.
        var law = new CmrRatioLaw();
        double[] r = [1, 0.75, 0.5, 1.0 / 3, 0.25];
        double[] y = [.. r.Select(v => -0.3 * Math.Pow(v, 0.2) + 1.76)];
        var recipe = law.DefaultRecipe(new FitData(law.Variables, r, y));
        var points = Assert.IsType<ExplicitStarts>(recipe.Starts).Points;
        var exact = points.Single(p => p["s"] == 0.2);
        Assert.Equal(-0.3, exact["alpha"], 1e-10);
        Assert.Equal(1.76, exact["beta"], 1e-10);
    }
}
