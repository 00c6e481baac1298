using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class LongToWideTests
{
    [Fact]
    public void PivotsTheSyntheticLongFile()
    {
        var path = DataPaths.Data("synthetic", "mixture_long.csv");
        var wide = LongToWide.Pivot(CsvRunReader.Read(path), "run", "domain", "loss", "loss_");
        Assert.Equal(3, wide.RowCount);
        Assert.Equal(["run", "N", "w_web", "w_code", "loss_web", "loss_code"], wide.ColumnNames.ToArray());
        Assert.Equal(["a", "b", "c"], wide.Text("run").ToArray());
        Assert.Equal([70e6, 70e6, 160e6], wide.Numeric("N").ToArray());
        Assert.Equal(2 + Math.Exp(0.5 - 1.5 * 0.8), wide.Numeric("loss_web")[2], 6);
        Assert.Equal(2 + Math.Exp(0.5 - 3.0 * 0.2), wide.Numeric("loss_code")[2], 6);
        Assert.Equal(new SourceLocation(path, 6), wide.RowSource(2));
    }

    [Fact]
    public void AbsentPairsAreMissingAndIdenticalRepeatsAreAccepted()
    {
        var table = CsvRunReader.Read(new StringReader("run,domain,loss\n1,x,3\n1,y,4\n2,x,5\n1,x,3\n"), "long.csv");
        var wide = LongToWide.Pivot(table, "run", "domain", "loss");
        Assert.Equal([1.0, 2.0], wide.Numeric("run").ToArray());
        Assert.Equal([3.0, 5.0], wide.Numeric("x").ToArray());
        Assert.True(double.IsNaN(wide.Numeric("y")[1]));
    }

    [Fact]
    public void ConflictingRepeatIsAnError()
    {
        var table = CsvRunReader.Read(new StringReader("run,domain,loss\n1,x,3\n1,x,4\n"), "long.csv");
        var e = Assert.Throws<DataException>(() => LongToWide.Pivot(table, "run", "domain", "loss"));
        Assert.Equal(3, e.Line);
        Assert.Contains("two values for domain 'x'", e.Message);
    }

    [Fact]
    public void ColumnThatVariesWithinARunIsAnError()
    {
        var table = CsvRunReader.Read(new StringReader("run,step,domain,loss\n1,10,x,3\n1,20,y,4\n"), "long.csv");
        var e = Assert.Throws<DataException>(() => LongToWide.Pivot(table, "run", "domain", "loss"));
        Assert.Contains("column 'step' differs within run run=1", e.Message);
        var wide = LongToWide.Pivot(table, ["run", "step"], "domain", "loss", "loss_");
        Assert.Equal(2, wide.RowCount);
    }
}
