using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Plotting.Mixtures;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Mixtures;

public class MixtureWeightsFigureTests
{
    private static (ImmutableArray<string> Domains, List<WeightSet> Sets) DogeWeights()
    {
        var sets = DomainWeightsReader.ReadDirectory(TestData.Data("reweighting-baselines", "doge"));
        var domains = sets[0].Domains;
        var weightSets = sets.Select(s => new WeightSet(s.Name, [.. domains.Select(d => s.Normalized().Weights.GetValueOrDefault(d))])).ToList();
        return (domains, weightSets);
    }

    [Fact]
    public void PublishedWeightsAsGroupedBarsWithIntervals()
    {
        var (domains, sets) = DogeWeights();
        // An interval on the first set, as a bootstrap would give.
        sets[0] = sets[0] with { Lower = [.. sets[0].Weights.Select(w => w * 0.8)], Upper = [.. sets[0].Weights.Select(w => w * 1.2)] };
        var plot = MixtureWeightsFigure.Create(domains, sets, new MixtureWeightsOptions { Title = "SlimPajama weights: DoGE vs DoReMi" });
        var texts = RenderedImage.Check(plot, "mixture-weights");
        RenderedImage.AssertContains(texts, "SlimPajama weights: DoGE vs DoReMi", "Weight (fraction of training tokens)", "Domain",
            sets[0].Name, sets[1].Name, "arxiv", "wikipedia");
    }

    [Fact]
    public void ManyLongDomainNamesAreRotated()
    {
        var sets = DomainWeightsReader.ReadDirectory(TestData.Data("reweighting-baselines", "doremi")).Where(s => s.Domains.Length > 15).Take(2).ToList();
        var domains = sets[0].Domains;
        var plot = MixtureWeightsFigure.Create(domains, [.. sets.Select(s => new WeightSet(s.Name, [.. domains.Select(d => s.Normalized().Weights.GetValueOrDefault(d))]))]);
        var texts = RenderedImage.Check(plot, "mixture-weights-pile");
        RenderedImage.AssertContains(texts, "Pile-CC", "Gutenberg (PG-19)");
        Assert.Equal(-45, plot.Axes.Bottom.TickLabelStyle.Rotation);
    }

    [Fact]
    public void RejectsWeightsOfTheWrongLength() =>
        Assert.Throws<ArgumentException>(() => MixtureWeightsFigure.Create(["a", "b"], [new WeightSet("x", [1.0])]));
}
