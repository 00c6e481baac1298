using ScalingLaws.Data;
using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

public class TableBindingTests
{
    private static RunTable Sample() => CsvRunReader.Read(new StringReader(
        "model_size,n_tokens,loss,w\n1e8,2e9,3.1,1\n2e8,4e9,3.0,2\n4e8,8e9,2.9,0.5\n"), "runs.csv");

    [Fact]
    public void BindsMappedVariablesRowMajor()
    {
        var mapping = new Dictionary<string, string> { ["N"] = "model_size", ["D"] = "n_tokens" };
        var data = Sample().ToFitData(["N", "D"], "loss", mapping, "w");
        Assert.Equal(3, data.Count);
        Assert.Equal(["N", "D"], data.Variables.ToArray());
        Assert.Equal([2e8, 4e9], data.Row(1).ToArray());
        Assert.Equal([3.1, 3.0, 2.9], data.Y.ToArray());
        Assert.Equal([1.0, 2.0, 0.5], data.Weights.ToArray());
        Assert.Equal("loss", data.Target);
    }

    [Fact]
    public void MissingVariableColumnListsAvailableColumns()
    {
        var e = Assert.Throws<DataException>(() => Sample().ToFitData(["N"], "loss"));
        Assert.Contains("no column 'N' for variable 'N'", e.Message);
        Assert.Contains("Available columns: 'model_size', 'n_tokens', 'loss', 'w'.", e.Message);
        Assert.Contains("N=<column>", e.Message);
    }

    [Fact]
    public void MissingMappedColumnSuggestsCloseNames()
    {
        var mapping = new Dictionary<string, string> { ["N"] = "model size" };
        var e = Assert.Throws<DataException>(() => Sample().ToFitData(["N"], "loss", mapping));
        Assert.Contains("no column 'model size' (variable 'N' is mapped to it); did you mean 'model_size'?", e.Message);
    }

    [Fact]
    public void MissingTargetSuggestsCase()
    {
        var e = Assert.Throws<DataException>(() => Sample().ToFitData(["model_size"], "Loss"));
        Assert.Contains("no column 'Loss'; did you mean 'loss'?", e.Message);
    }

    [Fact]
    public void MappingOfUnknownVariableIsAnError()
    {
        var mapping = new Dictionary<string, string> { ["X"] = "model_size" };
        var e = Assert.Throws<DataException>(() => Sample().ToFitData(["model_size"], "loss", mapping));
        Assert.Contains("'X', which is not a variable of the law", e.Message);
    }

    [Fact]
    public void MissingValueIsAnErrorUnlessDropped()
    {
        var table = CsvRunReader.Read(new StringReader("N,loss\n1,3\n2,\n3,2\n"), "gaps.csv");
        var e = Assert.Throws<DataException>(() => table.ToFitData(["N"], "loss"));
        Assert.StartsWith("gaps.csv:3: missing value in column 'loss' (target)", e.Message);
        var data = table.ToFitData(["N"], "loss", missing: MissingValuePolicy.DropRow);
        Assert.Equal([1.0, 3.0], data.X.ToArray());
    }

    [Fact]
    public void InfiniteValueIsAlwaysAnError()
    {
        var table = CsvRunReader.Read(new StringReader("N,loss\n1,3\nInfinity,2\n"), "inf.csv");
        var e = Assert.Throws<DataException>(() => table.ToFitData(["N"], "loss", missing: MissingValuePolicy.DropRow));
        Assert.Equal("inf.csv:3: value Infinity in column 'N' (variable 'N') is not finite.", e.Message);
    }

    [Fact]
    public void TextColumnIsAnError()
    {
        var table = CsvRunReader.Read(new StringReader("N,loss\n\"1,000\",3\n\"2,000\",2\n"), "text.csv");
        var e = Assert.Throws<DataException>(() => table.ToFitData(["N"], "loss"));
        Assert.Contains("column 'N' holds text, not numbers (e.g. '1,000' at text.csv:2). Thousands separators are not allowed", e.Message);
    }

    [Fact]
    public void NegativeWeightIsAnError()
    {
        var table = Sample().WithColumn("w", [1.0, -1.0, 1.0]);
        var e = Assert.Throws<DataException>(() => table.ToFitData(["model_size"], "loss", weightColumn: "w"));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void NoRowsLeftIsAnError()
    {
        var table = Sample().WithColumn("loss", [double.NaN, double.NaN, double.NaN]);
        var e = Assert.Throws<DataException>(() => table.ToFitData(["model_size"], "loss", missing: MissingValuePolicy.DropRow));
        Assert.Contains("no rows left to fit", e.Message);
    }

    [Fact]
    public void UsableRowsFollowTheSameMissingValueRuleAsTheFit()
    {
        var table = CsvRunReader.Read(new StringReader("N,loss\n1,3\n2,\n,2\n4,1\n"), "gaps.csv");
        Assert.Equal([0, 3], table.UsableRows(["N"], "loss", missing: MissingValuePolicy.DropRow).ToArray());
        Assert.Equal([0, 1, 3], table.UsableRows(["N"], null, missing: MissingValuePolicy.DropRow).ToArray());
        var e = Assert.Throws<DataException>(() => table.UsableRows(["N"], "loss"));
        Assert.StartsWith("gaps.csv:3: missing value in column 'loss' (target)", e.Message);
    }

    [Fact]
    public void VariableValuesBindLikeTheFitAndRejectMissingValues()
    {
        var mapping = new Dictionary<string, string> { ["N"] = "model_size" };
        Assert.Equal([1e8, 2e8, 4e8], Sample().VariableValues(["N"], mapping));
        var table = CsvRunReader.Read(new StringReader("N,loss\n1,3\n,2\n"), "gaps.csv");
        var e = Assert.Throws<DataException>(() => table.VariableValues(["N"]));
        Assert.StartsWith("gaps.csv:3: missing value in column 'N' (variable 'N')", e.Message);
    }
}
