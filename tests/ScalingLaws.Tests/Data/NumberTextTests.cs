using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class NumberTextTests
{
    [Theory]
    [InlineData("70M", 70e6)]
    [InlineData("1.4B", 1.4e9)]
    [InlineData("2T", 2e12)]
    [InlineData("10k", 10e3)]
    [InlineData("10K", 10e3)]
    [InlineData("3G", 3e9)]
    [InlineData(" 2.5e8 ", 2.5e8)]
    [InlineData("-1.5", -1.5)]
    [InlineData("1e3k", 1e6)]
    [InlineData("0.0625", 0.0625)]
    public void ParsesNumbersAndUnitSuffixes(string text, double expected)
    {
        Assert.True(NumberText.TryParse(text, out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("70m")]
    [InlineData("1.4b")]
    [InlineData("2t")]
    [InlineData("1,5e8")]
    [InlineData("1,500")]
    [InlineData("abc")]
    [InlineData("M")]
    [InlineData("70 M")]
    [InlineData("0x10")]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("NA")]
    public void RejectsWhatIsNotANumber(string text) => Assert.False(NumberText.TryParse(text, out _));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("NA")]
    [InlineData("nan")]
    [InlineData("N/A")]
    [InlineData("null")]
    [InlineData("None")]
    public void RecognisesMissingMarkers(string text) => Assert.True(NumberText.IsMissing(text));

    [Fact]
    public void ParseThrowsFormatExceptionNamingTheText()
    {
        var e = Assert.Throws<FormatException>(() => NumberText.Parse("12x"));
        Assert.Contains("'12x'", e.Message);
    }

    [Property(MaxTest = 300)]
    public bool RoundTripFormattedDoubles(NormalFloat x)
    {
        string text = x.Get.ToString("R", CultureInfo.InvariantCulture);
        return NumberText.TryParse(text, out double value) && value == x.Get;
    }

    [Property(MaxTest = 300)]
    public bool SuffixScalesByItsPowerOfTen(PositiveInt mantissa, byte fraction)
    {
        string body = string.Create(CultureInfo.InvariantCulture, $"{mantissa.Get}.{fraction}");
        double number = double.Parse(body, CultureInfo.InvariantCulture);
        return NumberText.TryParse(body + "M", out double mega) && mega == double.Parse(body + "e6", CultureInfo.InvariantCulture)
            && NumberText.TryParse(body + "B", out double giga) && Math.Abs(giga - number * 1e9) <= 1e-15 * giga;
    }
}
