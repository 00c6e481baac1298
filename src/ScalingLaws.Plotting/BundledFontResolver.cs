using ScottPlot;
using SkiaSharp;

namespace ScalingLaws.Plotting;

/// <summary>Resolves one family name to the bundled regular and bold typefaces, loaded once.</summary>
internal sealed class BundledFontResolver : IFontResolver
{
    private const string RegularFile = "DejaVuSans.ttf";
    private const string BoldFile = "DejaVuSans-Bold.ttf";

    private readonly string _family;
    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;

    private BundledFontResolver(string family, SKTypeface regular, SKTypeface bold, string source)
    {
        _family = family;
        _regular = regular;
        _bold = bold;
        Source = source;
    }

    /// <summary>Where the regular face came from: a file path or <c>embedded</c>.</summary>
    public string Source { get; }

    /// <summary>Loads the faces from the first candidate folder holding them (see <see cref="CandidateFolders"/>), else from the embedded copies.</summary>
    public static BundledFontResolver Load(string family) => Load(family, CandidateFolders());

    /// <summary>Loads the faces from <c>&lt;folder&gt;/fonts</c> of the first of <paramref name="folders"/> holding them, else from the embedded copies.</summary>
    internal static BundledFontResolver Load(string family, IEnumerable<string> folders)
    {
        var candidates = folders.ToList();
        var (regular, source) = LoadFace(RegularFile, candidates);
        var (bold, _) = LoadFace(BoldFile, candidates);
        return new BundledFontResolver(family, regular, bold, source);
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        string.Equals(fontName, _family, StringComparison.OrdinalIgnoreCase)
            ? (weight >= FontWeight.SemiBold ? _bold : _regular)
            : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);

    private static (SKTypeface Face, string Source) LoadFace(string file, IReadOnlyList<string> folders)
    {
        foreach (var folder in folders)
        {
            var path = Path.Combine(folder, "fonts", file);
            if (!File.Exists(path)) continue;
            var face = SKTypeface.FromFile(path);
            if (face is not null && face.GlyphCount > 0) return (face, path);
        }
        var assembly = typeof(BundledFontResolver).Assembly;
        var name = "ScalingLaws.Plotting.fonts." + file;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource '{name}' is missing from {assembly.GetName().Name}; the build is broken.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        using var data = SKData.CreateCopy(memory.ToArray());
        var embedded = SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font '{name}' could not be loaded by SkiaSharp.");
        return (embedded, "embedded");
    }

    /// <summary>The folder of this assembly, then the application's base directory.</summary>
    internal static IEnumerable<string> CandidateFolders()
    {
        var location = typeof(BundledFontResolver).Assembly.Location;
        if (location.Length > 0 && Path.GetDirectoryName(location) is { } assemblyFolder) yield return assemblyFolder;
        yield return AppContext.BaseDirectory;
    }
}
