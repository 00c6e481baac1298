using System.Globalization;
using Xunit;

namespace ScalingLaws.Plotting.Tests;

public class PlotNumberTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(2.0, "2")]
    [InlineData(0.5, "0.5")]
    [InlineData(2.345, "2.35")]
    [InlineData(300.0, "300")]
    [InlineData(2500.0, "2500")]
    [InlineData(1e4, "1e4")]
    [InlineData(1e9, "1e9")]
    [InlineData(2.5e9, "2.5e9")]
    [InlineData(1.4e12, "1.4e12")]
    [InlineData(5.76e23, "5.76e23")]
    [InlineData(9.999e9, "1e10")]
    [InlineData(1e-4, "1e-4")]
    [InlineData(-3e-5, "-3e-5")]
    [InlineData(0.001, "0.001")]
    [InlineData(double.NaN, "NaN")]
    public void FormatsInTheOneE9Style(double value, string expected) => Assert.Equal(expected, PlotNumber.Format(value));

    [Fact]
    public void TableFormatKeepsFourDigitsAndPercentOneDecimal()
    {
        Assert.Equal("2.346", PlotNumber.Table(2.34567));
        Assert.Equal("1.235e9", PlotNumber.Table(1.23456e9));
        Assert.Equal("12.3%", PlotNumber.Percent(0.1234));
    }

    [Fact]
    public void IgnoresTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("2.5e9", PlotNumber.Format(2.5e9));
            Assert.Equal("0.25", PlotNumber.Format(0.25));
            Assert.Equal("33.3%", PlotNumber.Percent(1.0 / 3));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
