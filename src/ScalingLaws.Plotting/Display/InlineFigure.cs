using System.Collections.Immutable;
using ScottPlot;

namespace ScalingLaws.Plotting.Display;

/// <summary>
/// A rendered figure to show inline: a notebook cell ending in one shows the image (PNG as a base64
/// <c>&lt;img&gt;</c>, SVG as inline markup); <see cref="ToHtml"/> gives the same fragment to any HTML writer.
/// </summary>
[ScalingLaws.Display.TypeFormatterSource(typeof(InlineFigureFormatters))]
public sealed record InlineFigure
{
    private InlineFigure(string mimeType, ImmutableArray<byte> png, string svg, int width, int height)
    {
        MimeType = mimeType;
        Png = png;
        Svg = svg;
        Width = width;
        Height = height;
    }

    /// <summary><c>image/png</c> or <c>image/svg+xml</c>.</summary>
    public string MimeType { get; }

    /// <summary>The PNG bytes (empty for an SVG figure).</summary>
    public ImmutableArray<byte> Png { get; }

    /// <summary>The SVG text (empty for a PNG figure).</summary>
    public string Svg { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Renders <paramref name="plot"/> as a PNG (bundled fonts, see <see cref="PlotFiles.PngBytes"/>).</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="width">Width in pixels, ≥ 1; default 720.</param>
    /// <param name="height">Height in pixels, ≥ 1; default 480.</param>
    public static InlineFigure FromPng(Plot plot, int width = 720, int height = 480) =>
        new("image/png", [.. PlotFiles.PngBytes(plot, width, height)], "", width, height);

    /// <summary>Renders <paramref name="plot"/> as SVG (text in the DejaVu Sans family; the viewer needs that font).</summary>
    /// <param name="plot">The figure.</param>
    /// <param name="width">Width in pixels, ≥ 1; default 720.</param>
    /// <param name="height">Height in pixels, ≥ 1; default 480.</param>
    public static InlineFigure FromSvg(Plot plot, int width = 720, int height = 480) =>
        new("image/svg+xml", [], PlotFiles.SvgText(plot, width, height), width, height);

    /// <summary>
    /// The figure as an HTML fragment: <c>&lt;img src="data:image/png;base64,…"&gt;</c>, or the <c>&lt;svg&gt;</c> element
    /// (without the XML declaration, which has no place inside HTML).
    /// </summary>
    public string ToHtml() => MimeType == "image/png"
        ? $"<img src=\"data:image/png;base64,{Convert.ToBase64String(Png.AsSpan())}\" width=\"{Width}\" height=\"{Height}\" alt=\"figure\"/>"
        : Svg[Math.Max(0, Svg.IndexOf("<svg", StringComparison.Ordinal))..];

    /// <summary>Writes the image file: PNG bytes or SVG text, atomically.</summary>
    /// <param name="path">Target file (its folder is created if needed).</param>
    public void Save(string path)
    {
        if (MimeType == "image/png") AtomicFile.WriteAllBytes(path, Png.AsSpan());
        else AtomicFile.WriteAllText(path, Svg);
    }
}
