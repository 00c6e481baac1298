using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class RunTableTests
{
    private static RunTable Sample() => CsvRunReader.Read(new StringReader(
        "run,N,D,Loss\na,1e8,2e9,3.1\nb,2e8,4e9,3.0\nc,4e8,8e9,2.9\n"), "runs.csv");

    [Fact]
    public void LookupIsCaseSensitiveAndSuggestsTheCaseInsensitiveMatch()
    {
        var table = Sample();
        Assert.True(table.HasColumn("Loss"));
        Assert.False(table.HasColumn("loss"));
        var e = Assert.Throws<DataException>(() => table.Numeric("loss"));
        Assert.Equal("runs.csv: no column 'loss'; did you mean 'Loss'? Available columns: 'run', 'N', 'D', 'Loss'.", e.Message);
    }

    [Fact]
    public void LookupSuggestsCloseNames()
    {
        var e = Assert.Throws<DataException>(() => Sample().Numeric("Los"));
        Assert.Contains("did you mean 'Loss'?", e.Message);
        var none = Assert.Throws<DataException>(() => Sample().Numeric("tokens"));
        Assert.Contains("no column 'tokens'. Available columns:", none.Message);
    }

    [Fact]
    public void NumericOnTextColumnIsAnError()
    {
        var e = Assert.Throws<DataException>(() => Sample().Numeric("run"));
        Assert.Contains("column 'run' holds text, not numbers (e.g. 'a' at runs.csv:2)", e.Message);
    }

    [Fact]
    public void WhereKeepsRowSources()
    {
        var table = Sample().Where(r => r.Number("N") > 1.5e8);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(["b", "c"], table.Text("run").ToArray());
        Assert.Equal(new SourceLocation("runs.csv", 3), table.RowSource(0));
        var picked = Sample().Where([2, 0, 2]);
        Assert.Equal(["c", "a", "c"], picked.Text("run").ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => Sample().Where([3]));
    }

    [Fact]
    public void WithColumnAddsDerivedAndReplaces()
    {
        var table = Sample().WithColumn("C", r => 6 * r.Number("N") * r.Number("D"));
        Assert.Equal(6 * 1e8 * 2e9, table.Numeric("C")[0]);
        Assert.Equal(5, table.ColumnCount);
        var replaced = table.WithColumn("N", [1.0, 2.0, 3.0]);
        Assert.Equal([1.0, 2.0, 3.0], replaced.Numeric("N").ToArray());
        Assert.Equal(1, replaced.ColumnNames.IndexOf("N"));
        Assert.Equal(1e8, table.Numeric("N")[0]);
        Assert.Throws<ArgumentException>(() => table.WithColumn("x", [1.0]));
    }

    [Fact]
    public void ConcatUnitesColumnsAndFillsMissing()
    {
        var other = new RunTable("more.csv", [RunColumn.Text("run", ["d"]), RunColumn.Numeric("N", [8e8]), RunColumn.Numeric("U", [1e9])]);
        var all = Sample().Concat(other);
        Assert.Equal(4, all.RowCount);
        Assert.Equal(["run", "N", "D", "Loss", "U"], all.ColumnNames.ToArray());
        Assert.True(double.IsNaN(all.Numeric("D")[3]));
        Assert.True(double.IsNaN(all.Numeric("U")[0]));
        Assert.Equal(new SourceLocation("more.csv", 1), all.RowSource(3));
        Assert.Equal("runs.csv + more.csv", all.Name);
    }

    [Fact]
    public void ConcatRejectsAColumnOfTwoKinds()
    {
        var other = new RunTable("more.csv", [RunColumn.Numeric("run", [1.0])]);
        var e = Assert.Throws<DataException>(() => Sample().Concat(other));
        Assert.Contains("column 'run' is text in runs.csv but numeric in more.csv", e.Message);
    }

    [Fact]
    public void RenameDropAndDropMissing()
    {
        var table = Sample().RenameColumn("Loss", "loss").WithoutColumns("run");
        Assert.Equal(["N", "D", "loss"], table.ColumnNames.ToArray());
        Assert.Throws<DataException>(() => table.RenameColumn("N", "D"));
        var gappy = table.WithColumn("loss", [3.1, double.NaN, 2.9]).DropMissing("loss");
        Assert.Equal([1e8, 4e8], gappy.Numeric("N").ToArray());
    }

    [Fact]
    public void ConstructorRejectsInconsistentColumns()
    {
        Assert.Throws<ArgumentException>(() => new RunTable("t", [RunColumn.Numeric("a", [1.0]), RunColumn.Numeric("b", [1.0, 2.0])]));
        Assert.Throws<ArgumentException>(() => new RunTable("t", [RunColumn.Numeric("a", [1.0]), RunColumn.Numeric("a", [2.0])]));
    }

    [Fact]
    public void RowViewReadsValues()
    {
        var row = Sample().Row(1);
        Assert.Equal(1, row.Index);
        Assert.Equal("b", row.Text("run"));
        Assert.Equal("200000000", row.Text("N"));
        Assert.False(row.IsMissing("N"));
        Assert.Equal(new SourceLocation("runs.csv", 3), row.Source);
        Assert.Equal("runs.csv: 3 rows × 4 columns", Sample().ToString());
    }
}
