using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class DatablationsReaderTests
{
    [Fact]
    public void FitPointsHave182Runs()
    {
        var table = DatablationsReader.Read(DataPaths.Data("datablations", "parametric_fit.ipynb.cell26_fit_points.csv"));
        Assert.Equal(182, table.RowCount);
        Assert.Equal("2b832b4b", table.Text("run_name")[0]);
        Assert.Equal(2.81e9, table.Numeric("N")[0]);
        Assert.Equal(32e9, table.Numeric("D")[0]);
        Assert.Equal(4e9, table.Numeric("U")[0]);
        Assert.Equal(2.722962, table.Numeric("loss")[0]);
        Assert.Equal(8, table.Numeric("epochs")[0]);
        Assert.Equal(table.Numeric("params_N").ToArray(), table.Numeric("N").ToArray());
    }

    [Fact]
    public void AllPointsHave296Runs()
    {
        var table = DatablationsReader.Read(DataPaths.Data("datablations", "parametric_fit.ipynb.cell2_all_points.csv"));
        Assert.Equal(296, table.RowCount);
        Assert.Equal(ColumnKind.Text, table.Column("run_name").Kind);
        Assert.InRange(table.Numeric("N").Min(), 7e6, 7.2e6);
        Assert.InRange(table.Numeric("N").Max(), 8.6e9, 8.7e9);
        Assert.True(table.Text("run_name").Distinct().Count() < 296);
    }
}
