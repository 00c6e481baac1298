using ScottPlot;
using Xunit;

namespace ScalingLaws.Plotting.Tests;

public class Log10TickGeneratorTests
{
    private static Tick[] Generate(double lo, double hi, float pixels, Edge edge = Edge.Bottom)
    {
        PlotFonts.EnsureRegistered();
        var generator = new Log10TickGenerator();
        using var paint = Paint.NewDisposablePaint();
        var style = new LabelStyle { FontName = PlotFonts.FamilyName, FontSize = 12 };
        generator.Regenerate(new CoordinateRange(lo, hi), edge, new PixelLength(pixels), paint, style);
        return generator.Ticks;
    }

    private static string[] Labels(Tick[] ticks) => ticks.Where(t => t.IsMajor).Select(t => t.Label).ToArray();

    [Fact]
    public void LabelsDecadesInTheOneE9StyleWithMinorTicksBetween()
    {
        var ticks = Generate(Math.Log10(5e7), Math.Log10(2e10), 800);
        var labels = Labels(ticks);
        Assert.Contains("1e8", labels);
        Assert.Contains("1e9", labels);
        Assert.Contains("1e10", labels);
        Assert.Contains(ticks, t => Math.Abs(t.Position - Math.Log10(3e9)) < 1e-12);
        Assert.Contains(ticks, t => !t.IsMajor);
        foreach (var t in ticks.Where(t => t.IsMajor))
            Assert.Equal(t.Position, Math.Log10(double.Parse(t.Label, System.Globalization.CultureInfo.InvariantCulture)), 10);
    }

    [Fact]
    public void UsesFewerLabelsWhenTheAxisIsShort()
    {
        int wide = Labels(Generate(8, 10, 900)).Length;
        int narrow = Labels(Generate(8, 10, 120)).Length;
        Assert.True(narrow >= 2);
        Assert.True(narrow < wide, $"{narrow} labels on 120 px, {wide} on 900 px.");
    }

    [Fact]
    public void ALossAxisOfLessThanADecadeGetsSeveralLabels()
    {
        var labels = Labels(Generate(Math.Log10(2.05), Math.Log10(3.8), 500, Edge.Left));
        Assert.True(labels.Length >= 4, string.Join(", ", labels));
        Assert.All(labels, l => Assert.InRange(double.Parse(l, System.Globalization.CultureInfo.InvariantCulture), 2.05, 3.8));
    }

    [Fact]
    public void VeryWideRangesLabelEveryFewDecades()
    {
        var labels = Labels(Generate(0, 40, 400));
        Assert.InRange(labels.Length, 2, 12);
        Assert.Contains("1e20", labels);
    }

    [Fact]
    public void DegenerateRangesGiveNoTicks()
    {
        Assert.Empty(Generate(3, 3, 400));
        Assert.Empty(Generate(double.NaN, 3, 400));
    }
}
