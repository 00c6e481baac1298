using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class EpochChinchillaReaderTests
{
    private static readonly string Path = DataPaths.Data("epoch-chinchilla", "svg_extracted_data.csv");

    [Fact]
    public void ReadsAll245PointsWithDerivedTokens()
    {
        var table = EpochChinchillaReader.Read(Path);
        Assert.Equal(245, table.RowCount);
        Assert.Equal(["N", "C", "D", "loss"], table.ColumnNames.ToArray());
        Assert.Equal(6795600349.289497, table.Numeric("N")[0]);
        Assert.Equal(9.993852799709755e+18, table.Numeric("C")[0]);
        Assert.Equal(9.993852799709755e+18 / (6 * 6795600349.289497), table.Numeric("D")[0]);
        Assert.Equal(5.005581996196243, table.Numeric("loss")[0]);
        Assert.Equal(new SourceLocation(Path, 2), table.RowSource(0));
        Assert.InRange(table.Numeric("N").Min(), 5.6e7, 5.8e7);
        Assert.InRange(table.Numeric("loss").Min(), 2.07, 2.08);
    }

    [Fact]
    public void PublishedReplicationDropsTheFiveHighestLosses()
    {
        var all = EpochChinchillaReader.Read(Path);
        var table = EpochChinchillaReader.Read(Path, EpochChinchillaReader.PublishedDropCount);
        Assert.Equal(240, table.RowCount);
        var fifthHighest = all.Numeric("loss").OrderDescending().ElementAt(4);
        Assert.True(table.Numeric("loss").Max() < fifthHighest);
        Assert.Equal(all.Numeric("loss").OrderDescending().ElementAt(5), table.Numeric("loss").Max());
    }

    [Fact]
    public void MissingFileIsAClearError()
    {
        var e = Assert.Throws<DataException>(() => EpochChinchillaReader.Read("nowhere/svg.csv"));
        Assert.Contains("file not found", e.Message);
    }
}
