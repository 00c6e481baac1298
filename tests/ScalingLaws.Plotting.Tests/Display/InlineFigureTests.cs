using ScalingLaws.Plotting.Display;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Display;

public class InlineFigureTests
{
    private static ScottPlot.Plot Plot()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 3, 1, 2 });
        plot.Title("inline");
        return plot;
    }

    [Fact]
    public void PngFigureIsAnEmbeddedImage()
    {
        var figure = InlineFigure.FromPng(Plot(), 320, 200);
        Assert.Equal("image/png", figure.MimeType);
        string html = figure.ToHtml();
        Assert.StartsWith("<img src=\"data:image/png;base64,", html);
        Assert.EndsWith("\" width=\"320\" height=\"200\" alt=\"figure\"/>", html);
        string base64 = html["<img src=\"data:image/png;base64,".Length..html.IndexOf('"', 33)];
        Assert.Equal(figure.Png.ToArray(), Convert.FromBase64String(base64));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, figure.Png.AsSpan()[..4].ToArray());
        Assert.True(html.Length < 200 * 1024);
    }

    [Fact]
    public void SvgFigureIsInlineMarkupAndSavesAsText()
    {
        var figure = InlineFigure.FromSvg(Plot(), 320, 200);
        Assert.Equal("image/svg+xml", figure.MimeType);
        Assert.StartsWith("<svg", figure.ToHtml());
        Assert.StartsWith("<?xml", figure.Svg);
        Assert.Contains("inline", figure.ToHtml());
        string path = Path.Combine(Path.GetTempPath(), $"inline-{Guid.NewGuid():N}", "figure.svg");
        try
        {
            figure.Save(path);
            Assert.Equal(figure.Svg, File.ReadAllText(path));
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, recursive: true); }
    }

    [Fact]
    public void TheKernelFindsItsFormatterByName()
    {
        var attribute = typeof(InlineFigure).GetCustomAttributes(inherit: true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType, nonPublic: true)!;
        var html = ((IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).First();
        Assert.Equal("text/html", html.GetType().GetProperty("MimeType")!.GetValue(html));
        var writer = new StringWriter();
        var figure = InlineFigure.FromPng(Plot(), 100, 80);
        Assert.True((bool)html.GetType().GetMethod("Format")!.Invoke(html, [figure, writer])!);
        Assert.Equal(figure.ToHtml(), writer.ToString());
    }
}
