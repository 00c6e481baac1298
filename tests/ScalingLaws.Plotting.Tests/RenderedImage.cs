using System.Xml.Linq;
using ScottPlot;
using SkiaSharp;
using Xunit;

namespace ScalingLaws.Plotting.Tests;

/// <summary>Renders a figure to PNG and SVG files and checks both.</summary>
internal static class RenderedImage
{
    /// <summary>Saves <paramref name="plot"/> as name.png and name.svg under rendered/ and checks both; returns the SVG texts.</summary>
    public static IReadOnlyList<string> Check(Plot plot, string name, int width = 900, int height = 600)
    {
        var png = TestData.Rendered(name + ".png");
        var svg = TestData.Rendered(name + ".svg");
        PlotFiles.SavePng(plot, png, width, height);
        PlotFiles.SaveSvg(plot, svg, width, height);
        AssertPng(File.ReadAllBytes(png), width, height);
        return SvgTexts(File.ReadAllText(svg), width, height);
    }

    /// <summary>The PNG decodes, has the size asked for, and is not blank: many colours and real contrast.</summary>
    public static void AssertPng(byte[] bytes, int width, int height)
    {
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        var colors = new HashSet<uint>();
        double sum = 0, sumSquares = 0;
        int n = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                colors.Add((uint)c);
                double luminance = 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;
                sum += luminance;
                sumSquares += luminance * luminance;
                n++;
            }
        }
        double variance = sumSquares / n - (sum / n) * (sum / n);
        Assert.True(colors.Count >= 12, $"Only {colors.Count} distinct colours: the image looks blank.");
        Assert.True(variance > 50, $"Luminance variance {variance:F1}: the image looks blank.");
    }

    /// <summary>Parses the SVG, checks its size, and returns the text of every &lt;text&gt; element.</summary>
    public static IReadOnlyList<string> SvgTexts(string svg, int width, int height)
    {
        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)root.Attribute("width"));
        Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)root.Attribute("height"));
        var texts = root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).Where(t => t.Length > 0).ToList();
        Assert.All(root.Descendants().Where(e => e.Name.LocalName == "text"),
            e => Assert.Equal(PlotFonts.FamilyName, (string?)e.Attribute("font-family")));
        return texts;
    }

    /// <summary>Asserts that some SVG text equals or contains each expected string.</summary>
    public static void AssertContains(IReadOnlyList<string> texts, params string[] expected)
    {
        foreach (var e in expected)
            Assert.True(texts.Any(t => t.Contains(e, StringComparison.Ordinal)),
                $"No SVG text contains '{e}'. Texts: {string.Join(" | ", texts.Take(80))}");
    }
}
