using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class DomainWeightsReaderTests
{
    private static readonly string Folder = DataPaths.Data("reweighting-baselines");

    [Fact]
    public void ReadsDoReMiPileWeights()
    {
        var w = DomainWeightsReader.Read(Path.Combine(Folder, "doremi", "pile_doremi_280M_256kvocab_paper.json"));
        Assert.Equal("pile_doremi_280M_256kvocab_paper", w.Name);
        Assert.Equal(22, w.Domains.Length);
        Assert.Equal("Pile-CC", w.Domains[0]);
        Assert.Equal(0.6057, w.Weights["Pile-CC"]);
        Assert.Equal(0.1019, w.Weights["OpenWebText2"]);
        Assert.Equal(0.0699, w.Weights["Wikipedia (en)"]);
        Assert.InRange(w.Sum, 0.999, 1.001);
        Assert.Equal(1, w.Normalized().Sum, 12);
    }

    [Fact]
    public void ReadsDoGEWeightsDroppingTheTrailingZero()
    {
        var w = DomainWeightsReader.Read(Path.Combine(Folder, "doge", "gpt_base", "reweight_doge.json"));
        Assert.Equal(["arxiv", "book", "cc", "c4", "github", "stackexchange", "wikipedia"], w.Domains.ToArray());
        Assert.Equal(0.088, w.Weights["arxiv"]);
        Assert.Equal(0.269, w.Weights["cc"]);
        Assert.Equal(0.148, w.Weights["wikipedia"]);
    }

    [Fact]
    public void ConfigWithoutWeightsIsAnError()
    {
        var path = Path.Combine(Folder, "doge", "doge.json");
        var e = Assert.Throws<DataException>(() => DomainWeightsReader.Read(path));
        Assert.Contains("holds no domain weights", e.Message);
    }

    [Fact]
    public void DirectoryHoldsTwelveWeightVectors()
    {
        var all = DomainWeightsReader.ReadDirectory(Folder);
        Assert.Equal(12, all.Length);
        Assert.Equal(4, all.Count(w => w.Name.StartsWith("doge/", StringComparison.Ordinal)));
        Assert.Contains(all, w => w.Name == "doremi/rp_baseline" && w.Weights["common_crawl"] == 0.7256);
        Assert.All(all, w => Assert.InRange(w.Sum, 0.999, 1.001));
    }

    [Fact]
    public void InvalidWeightsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new DomainWeights("x", [KeyValuePair.Create("a", -0.1)]));
        Assert.Throws<ArgumentException>(() => new DomainWeights("x", []));
    }
}
