using System.Globalization;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests.Data;

/// <summary>Parsing and messages must not depend on the current culture; de-DE uses ',' as the decimal separator.</summary>
public sealed class GermanCultureTests : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public GermanCultureTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    [Fact]
    public void InvariantNumbersParseUnderGermanCulture()
    {
        var table = CsvRunReader.Read(new StringReader("N,D,loss\n1.5e8,4.0E8,2.975\n70M,1.4B,3.5\n"), "de.csv");
        Assert.Equal([1.5e8, 70e6], table.Numeric("N").ToArray());
        Assert.Equal([4.0e8, 1.4e9], table.Numeric("D").ToArray());
        Assert.Equal(2.975, table.Numeric("loss")[0]);
    }

    [Fact]
    public void GermanDecimalCommaIsRejected()
    {
        var e = Assert.Throws<DataException>(() =>
            CsvRunReader.Read(new StringReader("N,loss\n1e8,3.1\n2e8,\"2,9\"\n3e8,2.8\n"), "de.csv"));
        Assert.Equal("de.csv:3:2: '2,9' is not a number (column 'loss'). Use '.' as the decimal separator.", e.Message);
    }

    [Fact]
    public void BundledReadersGiveTheSameNumbers()
    {
        var epoch = EpochChinchillaReader.Read(DataPaths.Data("epoch-chinchilla", "svg_extracted_data.csv"));
        Assert.Equal(5.005581996196243, epoch.Numeric("loss")[0]);
        var mix = MixingLawsReader.Read(DataPaths.Data("mixinglaws", "2Mix", "70M.txt"));
        Assert.Equal(0.25, mix.Numeric("h_Github")[0]);
        Assert.Equal("0.25", mix.Text("h_Github")[0]);
    }

    [Fact]
    public void MessagesFormatNumbersInvariantly()
    {
        var table = new RunTable("t", [RunColumn.Numeric("N", [1.5]), RunColumn.Numeric("loss", [double.PositiveInfinity])]);
        var e = Assert.Throws<DataException>(() => table.ToFitData(["N"], "loss"));
        Assert.Contains("Infinity", e.Message);
        Assert.Equal("1.5", table.Text("N")[0]);
    }
}
