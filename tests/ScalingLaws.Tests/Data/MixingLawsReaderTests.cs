using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class MixingLawsReaderTests
{
    private static string Log(string set, string size) => DataPaths.Data("mixinglaws", set, size + ".txt");

    [Theory]
    [InlineData("2Mix", "70M", 55)]
    [InlineData("2Mix", "160M", 55)]
    [InlineData("3Mix", "70M", 332)]
    [InlineData("3Mix", "160M", 716)]
    [InlineData("3Mix", "410M", 40)]
    [InlineData("5Mix", "70M", 410)]
    [InlineData("5Mix", "160M", 346)]
    [InlineData("5Mix", "305M", 364)]
    [InlineData("5Mix", "410M", 286)]
    [InlineData("5Mix", "1B", 19)]
    [InlineData("RedPajama", "70M", 459)]
    [InlineData("RedPajama", "160M", 232)]
    [InlineData("RedPajama", "305M", 220)]
    [InlineData("RedPajama", "410M", 220)]
    [InlineData("RedPajama", "1B", 30)]
    [InlineData("ct", "70M", 51)]
    public void EachLogHasOneRowPerRunAndStep(string set, string size, int rows)
    {
        var table = MixingLawsReader.Read(Log(set, size));
        Assert.Equal(rows, table.RowCount);
        Assert.All(table.Text("size"), s => Assert.Equal(size, s));
        Assert.All(table.Numeric("N"), n => Assert.Equal(MixingLawsReader.NonEmbeddingParameters[size], n));
        var tokens = table.Numeric("tokens");
        var steps = table.Numeric("step");
        for (int i = 0; i < rows; i++) Assert.Equal(steps[i] * 1048576, tokens[i]);
    }

    [Fact]
    public void FiveMix70MHas26MixturesWithNamedGroupsAnd22Losses()
    {
        var table = MixingLawsReader.Read(Log("5Mix", "70M"));
        string[] weights = ["h_academic", "h_prose", "h_dialogue", "h_symbolic", "h_internet"];
        Assert.All(weights, w => Assert.True(table.HasColumn(w)));
        var mixtures = table.Rows.Select(r => string.Join("-", weights.Select(r.Text))).Distinct().ToList();
        Assert.Equal(26, mixtures.Count);
        var proportions = File.ReadAllLines(DataPaths.Data("mixinglaws", "5Mix", "proportions.txt"))
            .Where(l => l.Length > 0).Select(l => string.Join("-", l.Split('-').Select(p => NumberText.Parse(p).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(proportions.Order(StringComparer.Ordinal), mixtures.Order(StringComparer.Ordinal));
        Assert.Equal(22, table.ColumnNames.Count(c => c.StartsWith("loss_", StringComparison.Ordinal)));
        Assert.Equal(26, table.Where(r => r.Number("step") == 30000).RowCount);
        Assert.All(table.Numeric("reference_run"), v => Assert.Equal(0, v));
    }

    [Fact]
    public void SpotValuesOfTheFirstLogLine()
    {
        var path = Log("5Mix", "70M");
        var table = MixingLawsReader.Read(path);
        var row = table.Where(r => r.Number("run_id") == 3 && r.Number("step") == 13000).Row(0);
        Assert.Equal(1.870334640688259, row.Number("loss_Github"));
        Assert.Equal(0.125, row.Number("h_academic"));
        Assert.Equal(0.75, row.Number("h_internet"));
        Assert.Equal(13000 * 1048576.0, row.Number("tokens"));
        Assert.Equal(new SourceLocation(path, 1), row.Source);
    }

    [Fact]
    public void ReferenceRunsAreFlagged()
    {
        var table = MixingLawsReader.Read(Log("RedPajama", "1B"));
        var references = table.Where(r => r.Number("reference_run") == 1);
        Assert.Equal([997.0, 999.0], references.Numeric("run_id").Distinct().Order().ToArray());
        Assert.Equal(0.66796875, references.Where(r => r.Number("run_id") == 999).Numeric("h_1")[0]);
        Assert.Equal(["h_1", "h_2", "h_3", "h_4", "h_5", "h_6", "h_7"], table.ColumnNames.Where(c => c.StartsWith("h_", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void SizeComesFromTheFileNameWhenTheCheckpointHasNone()
    {
        var table = MixingLawsReader.Read(Log("3Mix", "410M"));
        Assert.Equal(32, table.Numeric("run_id").Distinct().Count());
        var run30 = table.Where(r => r.Number("run_id") == 30 && r.Number("step") == 30000).Row(0);
        Assert.Equal(0.75, run30.Number("h_Github"));
        Assert.Equal(0.25, run30.Number("h_Pile_CC"));
        Assert.Equal(1.0560930383350202, run30.Number("loss_Github"));
    }

    [Fact]
    public void LastCheckpointsAreSkippedAndDuplicatesReadOnce()
    {
        var table = MixingLawsReader.Read(Log("3Mix", "70M"));
        Assert.Equal(60000, table.Numeric("step").Max());
        var run14 = table.Where(r => r.Number("run_id") == 14 && r.Number("step") == 60000).Row(0);
        Assert.Equal(1.5740408337550607, run14.Number("loss_Github"));
    }

    [Fact]
    public void ContinualTrainingHasABaseRowAndPythonLoss()
    {
        var table = MixingLawsReader.Read(Log("ct", "70M"));
        var base0 = table.Row(0);
        Assert.True(base0.IsMissing("run_id"));
        Assert.Equal(0, base0.Number("step"));
        Assert.True(base0.IsMissing("h_python"));
        Assert.Equal(1.8381195068359375, base0.Number("loss_python"));
        var run0 = table.Where(r => r.Number("run_id") == 0 && r.Number("step") == 10000).Row(0);
        Assert.Equal(0.125, run0.Number("h_pile"));
        Assert.Equal(0.875, run0.Number("h_python"));
        Assert.Equal(1.36785888671875, run0.Number("loss_python"));
        Assert.Equal(23, table.ColumnNames.Count(c => c.StartsWith("loss_", StringComparison.Ordinal)));
    }

    [Fact]
    public void ReadSetJoinsAllSizesSmallestFirst()
    {
        var table = MixingLawsReader.ReadSet(DataPaths.Data("mixinglaws", "5Mix"));
        Assert.Equal(410 + 346 + 364 + 286 + 19, table.RowCount);
        Assert.Equal(["70M", "160M", "305M", "410M", "1B"], table.Text("size").Distinct().ToArray());
    }

    [Fact]
    public void DomainNamesCanBeGiven()
    {
        string[] names = ["CommonCrawl", "C4", "GitHub", "ArXiv", "Books", "StackExchange", "Wikipedia"];
        var table = MixingLawsReader.Read(Log("RedPajama", "1B"), names);
        Assert.True(table.HasColumn("h_StackExchange"));
        var e = Assert.Throws<DataException>(() => MixingLawsReader.Read(Log("RedPajama", "1B"), ["a", "b"]));
        Assert.Contains("has 7 mixture proportions but the set has 2 domains", e.Message);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void MalformedLinesAreLocated()
    {
        static DataException Fail(string text) =>
            Assert.Throws<DataException>(() => MixingLawsReader.Read(new StringReader(text), "5Mix/70M.txt"));
        const string good = "/ck//70M_1-0.2-0.2-0.2-0.2-0.2/1000\t/d/pythia-pile.valid.Github.bin\t2.5\n";
        Assert.Contains("expected 3 tab-separated fields", Fail(good + "only\ttwo\n").Message);
        Assert.Equal("5Mix/70M.txt:2:3: 'x' is not a number (column 'loss').", Fail(good + "/ck//70M_1-0.2-0.2-0.2-0.2-0.2/2000\t/d/pythia-pile.valid.Github.bin\tx\n").Message);
        Assert.Contains("step 'abc'", Fail("/ck//70M_1-0.2-0.2-0.2-0.2-0.2/abc\t/d/pythia-pile.valid.Github.bin\t2.5\n").Message);
        Assert.Contains("two losses on 'Github'", Fail(good + good.Replace("2.5", "2.6", StringComparison.Ordinal)).Message);
        Assert.Contains("is a 160M model", Fail("/ck//160M_1-0.2-0.2-0.2-0.2-0.2/1000\t/d/pythia-pile.valid.Github.bin\t2.5\n").Message);
        Assert.Contains("is empty", Fail("").Message);
    }

    [Fact]
    public void GroupLossesReproduceThePublishedFiveDomainFit()
    {
        var weights = PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));
        Assert.Equal(22, weights.Count);
        Assert.Equal(1, weights.Values.Sum(), 12);
        var table = PileDomainGroups.AddGroupLosses(MixingLawsReader.Read(Log("5Mix", "70M")), weights)
            .Where(r => r.Number("step") == 30000);
        double[][] parameters =
        [
            [0.9750, -2.1391, -10.0864, 2.7140, 2.7106, 2.6083, 1.5866],
            [1.2624, -2.1656, 1.3930, -4.6811, 0.7855, 1.8719, 0.5734],
            [1.1375, -7.1017, 6.7135, 6.2643, -31.8621, 6.6423, 6.2053],
            [0.4750, -3.6546, 3.3289, 3.6705, 3.1127, -16.4217, 3.1591],
            [1.2402, -1.9510, 1.1897, 0.8697, -0.5184, 1.7122, -3.0870],
        ];
        var groups = PileDomainGroups.GroupNames;
        double absoluteError = 0;
        foreach (var row in table.Rows)
        {
            var h = groups.Select(g => row.Number("h_" + g)).ToArray();
            double predicted = 0;
            for (int i = 0; i < groups.Length; i++)
            {
                double share = PileDomainGroups.Members[groups[i]].Sum(d => weights[d]);
                var p = parameters[i];
                predicted += share * (Math.Exp(p[0]) + Math.Exp(p[1] + Enumerable.Range(0, 5).Sum(j => p[2 + j] * h[j])));
            }
            absoluteError += Math.Abs(predicted - row.Number("loss_total"));
        }
        Assert.Equal(0.0116, absoluteError / table.RowCount, 4);
    }

    [Fact]
    public void GroupLossesMatchTheReleasedObservations()
    {
        var weights = PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));
        var table = PileDomainGroups.AddGroupLosses(MixingLawsReader.Read(Log("RedPajama", "410M")), weights);
        double[] mixture = [0.0625, 0.125, 0.28125, 0.0625, 0.1875, 0.125, 0.15625];
        var row = table.Where(r => r.Number("step") == 30000 && Enumerable.Range(0, 7).All(j => r.Number($"h_{j + 1}") == mixture[j])).Row(0);
        Assert.Equal(2.9306214830478483, row.Number("loss_academic"), 12);
        Assert.Equal(3.2428480429092637, row.Number("loss_prose"), 12);
        Assert.Equal(3.434123347355769, row.Number("loss_dialogue"), 12);
        Assert.Equal(1.9899926516089108, row.Number("loss_symbolic"), 12);
        Assert.Equal(3.4048792694161, row.Number("loss_internet"), 12);
        Assert.Equal(3.054756258740837, row.Number("loss_total"), 12);
    }

    [Fact]
    public void GroupLossesNeedEveryDomainColumn()
    {
        var weights = PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));
        var e = Assert.Throws<DataException>(() => PileDomainGroups.AddGroupLosses(MixingLawsReader.Read(Log("2Mix", "70M")), weights));
        Assert.Contains("no loss column for validation domain(s)", e.Message);
        Assert.Contains("'loss_ArXiv'", e.Message);
    }
}
