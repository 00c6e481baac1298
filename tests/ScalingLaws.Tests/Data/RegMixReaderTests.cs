using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class RegMixReaderTests
{
    private static readonly string Folder = DataPaths.Data("regmix");

    [Theory]
    [InlineData(RegMixSet.Train1M, 512)]
    [InlineData(RegMixSet.Test1M, 256)]
    [InlineData(RegMixSet.Test60M, 256)]
    [InlineData(RegMixSet.Test1B, 64)]
    public void SetsHaveTheirRowCountsAndWeightsSumToOne(RegMixSet set, int rows)
    {
        var table = RegMixReader.Read(Folder, set);
        Assert.Equal(rows, table.RowCount);
        Assert.Equal(1 + 17 + 13, table.ColumnCount);
        var weights = table.ColumnNames.Where(c => c.StartsWith("w_", StringComparison.Ordinal)).ToList();
        Assert.Equal(17, weights.Count);
        for (int i = 0; i < table.RowCount; i++)
            Assert.InRange(weights.Sum(w => table.Numeric(w)[i]), 0.995, 1.005);
        foreach (var loss in table.ColumnNames.Where(c => c.StartsWith("loss_", StringComparison.Ordinal)))
            Assert.All(table.Numeric(loss), v => Assert.InRange(v, 0.1, 12));
    }

    [Fact]
    public void ColumnsHaveCleanDomainNames()
    {
        var table = RegMixReader.Read(Folder, RegMixSet.Train1M);
        Assert.Equal("index", table.ColumnNames[0]);
        Assert.Equal("w_arxiv", table.ColumnNames[1]);
        Assert.Contains("w_pile_cc", table.ColumnNames);
        Assert.Contains("w_gutenberg_pg_19", table.ColumnNames);
        Assert.Contains("loss_pile_cc", table.ColumnNames);
        Assert.Equal("loss_uspto_backgrounds", table.ColumnNames[^1]);
    }

    [Fact]
    public void JoinsOnIndex()
    {
        var table = RegMixReader.Read(Folder, RegMixSet.Train1M);
        Assert.Equal(1, table.Numeric("index")[0]);
        Assert.Equal(0.787, table.Numeric("w_pile_cc")[0]);
        Assert.Equal(0.209, table.Numeric("w_gutenberg_pg_19")[0]);
        Assert.Equal(7.0255866050720215, table.Numeric("loss_arxiv")[0]);
        Assert.Equal(new SourceLocation(System.IO.Path.Combine(Folder, "train_mixture_1m.csv"), 2), table.RowSource(0));
        var oneB = RegMixReader.Read(Folder, RegMixSet.Test1B);
        Assert.Equal(0, oneB.Numeric("index")[0]);
        Assert.Equal(1.772475243, oneB.Numeric("loss_arxiv")[0]);
    }

    [Fact]
    public void LossWithoutMixtureIsAnError()
    {
        var dir = Directory.CreateTempSubdirectory("regmix").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "m.csv"), "index,train_the_pile_a,train_the_pile_b\n1,0.5,0.5\n");
            File.WriteAllText(Path.Combine(dir, "l.csv"), "index,metric/the_pile_a_val_loss\n1,3.0\n2,3.1\n");
            var e = Assert.Throws<DataException>(() => RegMixReader.Read(Path.Combine(dir, "m.csv"), Path.Combine(dir, "l.csv")));
            Assert.Equal(3, e.Line);
            Assert.Contains("index 2 has losses but no mixture", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
