using System.Collections.Immutable;

namespace ScalingLaws.Data;

/// <summary>Options of <see cref="CsvRunReader"/>.</summary>
public sealed record CsvRunReaderOptions
{
    /// <summary>The default options.</summary>
    public static CsvRunReaderOptions Default { get; } = new();

    /// <summary>
    /// Field separator. Default <c>null</c>: a tab for names ending in <c>.tsv</c> or <c>.tab</c>, a comma otherwise.
    /// </summary>
    public char? Separator { get; init; }

    /// <summary>Columns read as text even when their cells are numbers (e.g. run ids). Default empty.</summary>
    public ImmutableHashSet<string> TextColumns { get; init; } = ImmutableHashSet<string>.Empty;
}
