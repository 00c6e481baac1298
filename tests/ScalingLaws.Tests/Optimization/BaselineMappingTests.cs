using ScalingLaws.Data;
using ScalingLaws.Tests.Data;
using ScalingLaws.Optimization.Mixtures;
using Xunit;

namespace ScalingLaws.Tests.Optimization;

public class BaselineMappingTests
{
    private static readonly string[] RegMixColumns =
    [
        "w_arxiv", "w_freelaw", "w_nih_exporter", "w_pubmed_central", "w_wikipedia_en", "w_dm_mathematics", "w_github", "w_philpapers",
        "w_stackexchange", "w_enron_emails", "w_gutenberg_pg_19", "w_pile_cc", "w_ubuntu_irc", "w_europarl", "w_hackernews",
        "w_pubmed_abstracts", "w_uspto_backgrounds",
    ];

    [Theory]
    [InlineData("Pile-CC", "pilecc")]
    [InlineData("w_pile_cc", "pilecc")]
    [InlineData("loss_Pile_CC", "pilecc")]
    [InlineData("train_the_pile_pile_cc", "pilecc")]
    [InlineData("metric/the_pile_pile_cc_val_loss", "pilecc")]
    [InlineData("Gutenberg (PG-19)", "gutenbergpg19")]
    [InlineData("PG19", "gutenbergpg19")]
    [InlineData("w_gutenberg_pg_19", "gutenbergpg19")]
    [InlineData("Wikipedia (en)", "wikipediaen")]
    [InlineData("wikipedia", "wikipediaen")]
    [InlineData("h_Github", "github")]
    [InlineData("DM Mathematics", "dmmathematics")]
    public void NamesNormalise(string name, string expected) => Assert.Equal(expected, DomainNameMatching.Normalize(name));

    [Fact]
    public void DoReMiWeightsMapOntoRegMixColumnsOnlyWhenUnmatchedDomainsAreDropped()
    {
        var doremi = DomainWeightsReader.Read(DataPaths.Data("reweighting-baselines", "doremi", "pile_doremi_280M_256kvocab_paper.json"));
        var error = Assert.Throws<ArgumentException>(() => MixtureBaseline.FromDomainWeights(doremi, RegMixColumns));
        Assert.Contains("match no training domain", error.Message);
        foreach (var missing in new[] { "'Books3'", "'OpenWebText2'", "'OpenSubtitles'", "'YoutubeSubtitles'", "'BookCorpus2'" })
            Assert.Contains(missing, error.Message);
        Assert.Contains("'w_pile_cc' (→ 'pilecc')", error.Message);

        var baseline = MixtureBaseline.FromDomainWeights(doremi, RegMixColumns, UnmatchedDomainPolicy.DropAndRenormalize);
        Assert.Equal(5, baseline.DroppedDomains.Length);
        Assert.Equal(0.0224 + 0.1019 + 0.0047 + 0.0502 + 0.0061, baseline.DroppedWeight, 1e-12);
        Assert.Empty(baseline.MissingDomains);
        Assert.Equal(1, baseline.Weights.Sum(), 1e-12);
        double kept = 1.0001 - baseline.DroppedWeight; // the published vector sums to 1.0001
        Assert.Equal(0.6057 / kept, baseline.Weights[Array.IndexOf(RegMixColumns, "w_pile_cc")], 1e-4);
        Assert.Equal(0.0699 / kept, baseline.Weights[Array.IndexOf(RegMixColumns, "w_wikipedia_en")], 1e-4);
        Assert.Equal(0.0072 / kept, baseline.Weights[Array.IndexOf(RegMixColumns, "w_gutenberg_pg_19")], 1e-4);
    }

    [Fact]
    public void DoGeWeightsMapOntoSlimPajamaColumnsAndMissingDomainsGetZero()
    {
        var doge = DomainWeightsReader.Read(DataPaths.Data("reweighting-baselines", "doge", "gpt_base", "reweight_doge.json"));
        string[] columns = ["h_arxiv", "h_book", "h_c4", "h_cc", "h_github", "h_stackexchange", "h_wikipedia", "h_extra"];
        var baseline = MixtureBaseline.FromDomainWeights(doge, columns);
        Assert.Equal(["h_extra"], baseline.MissingDomains.ToArray());
        Assert.Equal(0, baseline.Weights[^1]);
        Assert.Equal(1, baseline.Weights.Sum(), 1e-12);
    }

    [Fact]
    public void UniformAndNaturalBaselines()
    {
        Assert.Equal([0.25, 0.25, 0.25, 0.25], MixtureBaseline.Uniform(4).Weights.ToArray());
        Assert.Equal([0.2, 0.8], MixtureBaseline.Natural([1e9, 4e9]).Weights.ToArray());
        Assert.Throws<ArgumentException>(() => MixtureBaseline.Natural([0.0, 0.0]));
        Assert.Throws<ArgumentException>(() => new MixtureBaseline("bad", [0.5, -0.1]));
    }

    [Fact]
    public void ValidationWeightsBecomeAWeightedSumOverMatchingLosses()
    {
        var valid = PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));
        string[] losses = ["loss_pile_cc", "loss_github", "loss_wikipedia_en", "loss_gutenberg_pg_19"];
        var objective = MixtureObjective.FromValidationWeights(valid, losses);
        Assert.Equal(ObjectiveKind.WeightedSum, objective.Kind);
        Assert.Equal(4, objective.Losses.Length);
        Assert.Equal(1, objective.Weights.Sum(), 1e-12);
        double total = valid["Pile-CC"] + valid["Github"] + valid["Wikipedia_en"] + valid["PG19"];
        Assert.Equal(valid["Pile-CC"] / total, objective.Weights[objective.Losses.IndexOf("loss_pile_cc")], 1e-12);
        Assert.Throws<ArgumentException>(() => MixtureObjective.FromValidationWeights(valid, losses, requireAll: true));
    }
}
