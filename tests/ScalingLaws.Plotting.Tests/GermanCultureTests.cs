using System.Globalization;
using ScalingLaws.Plotting.Fits;
using ScalingLaws.Plotting.Mixtures;
using ScalingLaws.Plotting.Reports;
using Xunit;

namespace ScalingLaws.Plotting.Tests;

/// <summary>Labels, legends and reports come out the same under a culture with a decimal comma.</summary>
public class GermanCultureTests
{
    private static T InGerman<T>(Func<T> action)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void TickAndLegendLabelsUseAPoint()
    {
        var svg = InGerman(() => PlotFiles.SvgText(ParityFigure.Create(TestData.ChinchillaFit, TestData.ChinchillaTrain, TestData.ChinchillaHeldOut), 800, 600));
        var texts = RenderedImage.SvgTexts(svg, 800, 600);
        RenderedImage.AssertContains(texts, "2.5", "mean |error| 0.");
        Assert.DoesNotContain(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\d,\d"));
    }

    [Fact]
    public void ColourBarAndPercentagesUseAPoint()
    {
        var svg = InGerman(() => PlotFiles.SvgText(
            TernaryLossFigure.Create(["a", "b", "c"], (x, y, z) => 2 + 0.3 * x * x + 0.2 * y + 0.1 * z * z, [0.1, 0.2, 0.7],
                new TernaryLossOptions { Resolution = 40 }), 800, 600));
        var texts = RenderedImage.SvgTexts(svg, 800, 600);
        RenderedImage.AssertContains(texts, "optimum: a 10.0%, b 20.0%, c 70.0%", "0.2");
        Assert.DoesNotContain(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\d,\d"));
    }

    [Fact]
    public void ReportNumbersUseAPoint()
    {
        var md = InGerman(() => new ReportBuilder("r").KeyValues([("x", 1234.5678), ("y", 2.5e9)]).Build().ToMarkdown());
        Assert.Contains("| x | 1235 |", md, StringComparison.Ordinal);
        Assert.Contains("| y | 2.5e9 |", md, StringComparison.Ordinal);
    }
}
