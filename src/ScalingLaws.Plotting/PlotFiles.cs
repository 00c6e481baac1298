using ScottPlot;

namespace ScalingLaws.Plotting;

/// <summary>
/// Renders figures to PNG and SVG. Files are written atomically (<see cref="AtomicFile"/>), so a folder of figures
/// never holds a half-written image, and the bundled fonts are registered first (<see cref="PlotFonts"/>).
/// </summary>
public static class PlotFiles
{
    /// <summary>Default width in pixels: 900.</summary>
    public const int DefaultWidth = 900;

    /// <summary>Default height in pixels: 600.</summary>
    public const int DefaultHeight = 600;

    /// <summary>Saves <paramref name="plot"/> as a PNG of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">Target file (its folder is created if needed).</param>
    /// <param name="width">Width in pixels, ≥ 1; default 900.</param>
    /// <param name="height">Height in pixels, ≥ 1; default 600.</param>
    public static void SavePng(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight) =>
        AtomicFile.WriteAllBytes(path, PngBytes(plot, width, height));

    /// <summary>Saves <paramref name="plot"/> as an SVG of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">Target file (its folder is created if needed).</param>
    /// <param name="width">Width in pixels, ≥ 1; default 900.</param>
    /// <param name="height">Height in pixels, ≥ 1; default 600.</param>
    public static void SaveSvg(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight) =>
        AtomicFile.WriteAllText(path, SvgText(plot, width, height));

    /// <summary>Saves as PNG or SVG by the extension of <paramref name="path"/> (<c>.png</c> or <c>.svg</c>, any case).</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="path">Target file ending in <c>.png</c> or <c>.svg</c>.</param>
    /// <param name="width">Width in pixels, ≥ 1; default 900.</param>
    /// <param name="height">Height in pixels, ≥ 1; default 600.</param>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>.</exception>
    public static void Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".png": SavePng(plot, path, width, height); break;
            case ".svg": SaveSvg(plot, path, width, height); break;
            default:
                throw new ArgumentException($"Cannot tell the image format of '{path}': use a file name ending in .png or .svg.", nameof(path));
        }
    }

    /// <summary>The figure as PNG bytes.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="width">Width in pixels, ≥ 1; default 900.</param>
    /// <param name="height">Height in pixels, ≥ 1; default 600.</param>
    public static byte[] PngBytes(Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        Check(plot, width, height);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The figure as SVG text.</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="width">Width in pixels, ≥ 1; default 900.</param>
    /// <param name="height">Height in pixels, ≥ 1; default 600.</param>
    public static string SvgText(Plot plot, int width = DefaultWidth, int height = DefaultHeight)
    {
        Check(plot, width, height);
        return plot.GetSvgXml(width, height);
    }

    private static void Check(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        PlotFonts.EnsureRegistered();
    }
}
