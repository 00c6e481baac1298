using ScottPlot;
using SkiaSharp;
using Xunit;

namespace ScalingLaws.Plotting.Tests;

public class FontTests
{
    [Fact]
    public void BundledFontsAndLicenceAreCopiedToTheOutputOfAReferencingProject()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "fonts");
        Assert.True(File.Exists(Path.Combine(folder, "DejaVuSans.ttf")));
        Assert.True(File.Exists(Path.Combine(folder, "DejaVuSans-Bold.ttf")));
        Assert.Contains("Bitstream", File.ReadAllText(Path.Combine(folder, "LICENSE")), StringComparison.Ordinal);
    }

    [Fact]
    public void RegistrationLoadsTheBundledFileAndResolvesRegularAndBold()
    {
        PlotFonts.EnsureRegistered();
        Assert.EndsWith(Path.Combine("fonts", "DejaVuSans.ttf"), PlotFonts.Source, StringComparison.Ordinal);
        var regular = Fonts.GetTypeface(PlotFonts.FamilyName, bold: false, italic: false);
        var bold = Fonts.GetTypeface(PlotFonts.FamilyName, bold: true, italic: false);
        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.True(regular.GlyphCount > 1000);
        Assert.True(bold.FontStyle.Weight >= (int)SKFontStyleWeight.Bold);
        Assert.Equal(PlotFonts.FamilyName, Fonts.Default);
    }

    [Fact]
    public void EmbeddedCopiesLoadWhenNoFileIsFound()
    {
        var resolver = BundledFontResolver.Load(PlotFonts.FamilyName, [Path.Combine(Path.GetTempPath(), "no-fonts-" + Guid.NewGuid().ToString("N"))]);
        Assert.Equal("embedded", resolver.Source);
        var regular = resolver.CreateTypeface("dejavu sans", bold: false, italic: false);
        var bold = resolver.CreateTypeface(PlotFonts.FamilyName, bold: true, italic: false);
        Assert.NotNull(regular);
        Assert.NotNull(bold);
        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.True(bold.FontStyle.Weight >= (int)SKFontStyleWeight.Bold);
        Assert.Null(resolver.CreateTypeface("Comic Sans MS", bold: false, italic: false));
    }

    [Fact]
    public void RegistrationIsIdempotentAndThreadSafe()
    {
        Parallel.For(0, 16, _ => PlotFonts.EnsureRegistered());
        Assert.Single(Fonts.FontResolvers, r => r is BundledFontResolver);
    }

    [Fact]
    public void TitleTextIsActuallyDrawn()
    {
        // A fixed layout keeps the data area below the band, so the two images differ only in the title glyphs.
        static int DarkPixelsInTitleBand(string title)
        {
            var plot = FigureStyle.Create(null, title, "x", "y");
            plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 });
            plot.Layout.Fixed(new PixelPadding(60, 20, 50, 70));
            using var bitmap = SKBitmap.Decode(PlotFiles.PngBytes(plot, 400, 300));
            int dark = 0;
            for (int y = 0; y < 68; y++)
                for (int x = 0; x < bitmap.Width; x++)
                    if (bitmap.GetPixel(x, y).Red < 100) dark++;
            return dark;
        }
        int without = DarkPixelsInTitleBand(""), with = DarkPixelsInTitleBand("Loss vs tokens");
        Assert.True(with > without + 100, $"The title was not rendered: {with} dark pixels in the title band with a title, {without} without.");
    }
}
