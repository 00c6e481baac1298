using ScottPlot;

namespace ScalingLaws.Plotting;

/// <summary>
/// The fonts every figure uses. The library bundles DejaVu Sans (regular and bold; Bitstream Vera licence, see
/// <c>fonts/LICENSE</c>) and registers it with ScottPlot before the first plot, so text renders the same on every
/// machine, including one without any installed fonts (where ScottPlot's Skia build would otherwise draw no text
/// at all, silently).
/// </summary>
/// <remarks>
/// The faces are read from the <c>fonts</c> folder next to this assembly, else from the <c>fonts</c> folder of the
/// application's base directory, else from copies embedded in this assembly. Registration puts a resolver for
/// <see cref="FamilyName"/> ahead of ScottPlot's system-font resolver and sets <see cref="Fonts.Default"/> and
/// <see cref="Fonts.Sans"/> to it; it happens once per process, is thread-safe, and every figure method calls
/// <see cref="EnsureRegistered"/> itself. SVG files name the family (<c>font-family="DejaVu Sans"</c>) without
/// embedding glyphs, so an SVG viewer uses its own copy of DejaVu Sans or a fallback.
/// </remarks>
public static class PlotFonts
{
    /// <summary>The family name every figure uses: <c>DejaVu Sans</c>.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static volatile BundledFontResolver? _resolver;

    /// <summary>Where the regular face was loaded from: a file path, or <c>embedded</c>. Registers the fonts if needed.</summary>
    public static string Source => EnsureResolver().Source;

    /// <summary>Registers the bundled fonts with ScottPlot if that has not happened yet. Cheap after the first call.</summary>
    public static void EnsureRegistered() => EnsureResolver();

    private static BundledFontResolver EnsureResolver()
    {
        var resolver = _resolver;
        if (resolver is not null) return resolver;
        lock (Gate)
        {
            if (_resolver is not null) return _resolver;
            resolver = BundledFontResolver.Load(FamilyName);
            Fonts.FontResolvers.Insert(0, resolver);
            Fonts.Default = FamilyName;
            Fonts.Sans = FamilyName;
            _resolver = resolver;
            return resolver;
        }
    }
}
