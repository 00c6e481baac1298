using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class DataExceptionTests
{
    [Fact]
    public void MessageHasFileLineAndColumn()
    {
        var e = new DataException("'abc' is not a number (column 'tokens').", "runs.csv", 14, 3);
        Assert.Equal("runs.csv:14:3: 'abc' is not a number (column 'tokens').", e.Message);
        Assert.Equal("runs.csv", e.File);
        Assert.Equal(14, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Equal("runs.csv:14:3", e.Location);
    }

    [Fact]
    public void MissingPartsAreLeftOut()
    {
        Assert.Equal("runs.csv:14: bad", new DataException("bad", "runs.csv", 14).Message);
        Assert.Equal("runs.csv: bad", new DataException("bad", "runs.csv").Message);
        Assert.Equal("bad", new DataException("bad").Message);
        Assert.Null(new DataException("bad").Column);
    }
}
