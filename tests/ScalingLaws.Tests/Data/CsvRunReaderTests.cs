using System.Collections.Immutable;
using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class CsvRunReaderTests
{
    private static RunTable ReadText(string text, string name = "runs.csv", CsvRunReaderOptions? options = null) =>
        CsvRunReader.Read(new StringReader(text), name, options);

    [Fact]
    public void ReadsNumericAndTextColumnsWithRowSources()
    {
        var table = ReadText("model,N,loss\na,1e8,3.1\nb,2e8,3.0\n");
        Assert.Equal(2, table.RowCount);
        Assert.Equal(["model", "N", "loss"], table.ColumnNames.ToArray());
        Assert.Equal(ColumnKind.Text, table.Column("model").Kind);
        Assert.Equal([1e8, 2e8], table.Numeric("N").ToArray());
        Assert.Equal(["a", "b"], table.Text("model").ToArray());
        Assert.Equal(new SourceLocation("runs.csv", 3), table.RowSource(1));
    }

    [Fact]
    public void MissingFileNamesThePath()
    {
        var path = DataPaths.TestData("csv", "no_such_file.csv");
        var e = Assert.Throws<DataException>(() => CsvRunReader.Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains("file not found", e.Message);
        Assert.Contains("no_such_file.csv", e.Message);
    }

    [Fact]
    public void EmptyFileIsAnError()
    {
        var path = DataPaths.TestData("csv", "empty.csv");
        var e = Assert.Throws<DataException>(() => CsvRunReader.Read(path));
        Assert.Equal($"{path}: is empty (no header row).", e.Message);
    }

    [Fact]
    public void HeaderOnlyIsAnError()
    {
        var path = DataPaths.TestData("csv", "header_only.csv");
        var e = Assert.Throws<DataException>(() => CsvRunReader.Read(path));
        Assert.Equal(1, e.Line);
        Assert.Contains("no data rows", e.Message);
    }

    [Fact]
    public void NonNumberInNumericColumnIsReportedAtLineAndColumn()
    {
        var path = DataPaths.TestData("csv", "bad_number.csv");
        var e = Assert.Throws<DataException>(() => CsvRunReader.Read(path));
        Assert.Equal($"{path}:4:3: 'abc' is not a number (column 'tokens').", e.Message);
        Assert.Equal((4, 3), (e.Line, e.Column));
    }

    [Fact]
    public void ShortRowIsAnError()
    {
        var path = DataPaths.TestData("csv", "short_row.csv");
        var e = Assert.Throws<DataException>(() => CsvRunReader.Read(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("2 fields but the header has 3", e.Message);
    }

    [Fact]
    public void LongRowIsAnError()
    {
        var e = Assert.Throws<DataException>(() => ReadText("a,b\n1,2\n3,4,5\n"));
        Assert.Equal("runs.csv:3: the row has 3 fields but the header has 2.", e.Message);
    }

    [Fact]
    public void UnterminatedQuoteIsAnError()
    {
        var path = DataPaths.TestData("csv", "unterminated.csv");
        var e = Assert.Throws<DataException>(() => CsvRunReader.Read(path));
        Assert.Equal(3, e.Line);
        Assert.Contains("malformed CSV: a quoted field that is never closed", e.Message);
    }

    [Fact]
    public void StrayQuoteIsAnError()
    {
        var e = Assert.Throws<DataException>(() => ReadText("a,b\n1,2\n3,4\"x\n"));
        Assert.Equal(3, e.Line);
        Assert.Contains("malformed CSV", e.Message);
    }

    [Fact]
    public void ThousandsSeparatorIsRejected()
    {
        var path = DataPaths.TestData("csv", "thousands.csv");
        var e = Assert.Throws<DataException>(() => CsvRunReader.Read(path));
        Assert.StartsWith($"{path}:3:2: '1,5e8' is not a number (column 'D').", e.Message);
        Assert.Contains("'.' as the decimal separator", e.Message);
    }

    [Fact]
    public void GroupedThousandsGetAHint()
    {
        var e = Assert.Throws<DataException>(() => ReadText("N,loss\n1000,3\n\"1,500\",2\n2000,1\n"));
        Assert.Contains("'1,500' is not a number (column 'N'). Thousands separators are not allowed", e.Message);
    }

    [Fact]
    public void LowerCaseMegaIsNotASuffix()
    {
        var e = Assert.Throws<DataException>(() => ReadText("N,loss\n70M,3\n70m,2\n160M,1\n"));
        Assert.Equal(3, e.Line);
        Assert.Contains("write 70M for millions", e.Message);
    }

    [Fact]
    public void DuplicateHeaderIsAnError()
    {
        var path = DataPaths.TestData("csv", "duplicate_header.csv");
        var e = Assert.Throws<DataException>(() => CsvRunReader.Read(path));
        Assert.Equal($"{path}:1:4: duplicate column name 'loss' (also column 2).", e.Message);
    }

    [Fact]
    public void EmptyHeaderNameIsAnError()
    {
        var e = Assert.Throws<DataException>(() => ReadText(",N\n0,1\n"));
        Assert.Equal((1, 1), (e.Line, e.Column));
    }

    [Fact]
    public void UnitSuffixesAndTsvByExtension()
    {
        var table = CsvRunReader.Read(DataPaths.TestData("csv", "suffixed.tsv"));
        Assert.Equal([70e6, 160e6], table.Numeric("N").ToArray());
        Assert.Equal([1.4e9, 2e12], table.Numeric("D").ToArray());
        Assert.Equal(ColumnKind.Text, table.Column("run").Kind);
    }

    [Fact]
    public void MostlyTextColumnStaysText()
    {
        var table = ReadText("run,loss\n2b84b4b,3\n12345,2\nxyz,1\n");
        Assert.Equal(ColumnKind.Text, table.Column("run").Kind);
        Assert.Equal("12345", table.Text("run")[1]);
    }

    [Fact]
    public void MissingCellsAreNaNInNumericColumns()
    {
        var table = ReadText("N,loss,note\n1,,\n2,NA,x\n3,2.5,\n");
        Assert.True(double.IsNaN(table.Numeric("loss")[0]));
        Assert.True(double.IsNaN(table.Numeric("loss")[1]));
        Assert.Equal(2.5, table.Numeric("loss")[2]);
        Assert.True(table.Column("note").IsMissing(0));
    }

    [Fact]
    public void TextColumnsOptionKeepsNumbersAsText()
    {
        var options = new CsvRunReaderOptions { TextColumns = ImmutableHashSet.Create("id") };
        var table = ReadText("id,loss\n007,3\n042,2\n", options: options);
        Assert.Equal(["007", "042"], table.Text("id").ToArray());
    }

    [Fact]
    public void QuotedFieldsWithLineBreaksKeepTheStartingLine()
    {
        var table = ReadText("note,loss\n\"two\nlines\",3\nplain,2\n");
        Assert.Equal("two\nlines", table.Text("note")[0]);
        Assert.Equal(2, table.RowSource(0).Line);
        Assert.Equal(4, table.RowSource(1).Line);
    }

    [Fact]
    public void SyntheticSuffixedFileMatchesItsLaw()
    {
        var table = CsvRunReader.Read(DataPaths.Data("synthetic", "chinchilla_suffixed.csv"));
        Assert.Equal(12, table.RowCount);
        var n = table.Numeric("N");
        var d = table.Numeric("D");
        var loss = table.Numeric("loss");
        for (int i = 0; i < table.RowCount; i++)
            Assert.Equal(1.69 + 406.4 / Math.Pow(n[i], 0.34) + 410.7 / Math.Pow(d[i], 0.28), loss[i], 5);
        Assert.Equal(1e9, n[^1]);
        Assert.Equal(20e9, d[^1]);
    }
}
