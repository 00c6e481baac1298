using System.Collections.Immutable;

namespace ScalingLaws.Data;

/// <summary>
/// Where each row of a <see cref="RunTable"/> came from, stored compactly: one file name and an <c>int[]</c> of
/// line numbers when every row comes from the same file (4 bytes per row), else one <see cref="SourceLocation"/> per row.
/// </summary>
internal sealed class RowOrigins
{
    private readonly string? _file;
    private readonly int[]? _lines;
    private ImmutableArray<SourceLocation> _locations;

    private RowOrigins(string? file, int[]? lines, ImmutableArray<SourceLocation> locations)
    {
        _file = file;
        _lines = lines;
        _locations = locations;
    }

    /// <summary>Rows of <paramref name="file"/> at the given lines.</summary>
    public static RowOrigins Lines(string file, int[] lines) => new(file, lines, default);

    /// <summary>Rows from arbitrary locations (compact when they share one file).</summary>
    public static RowOrigins From(IEnumerable<SourceLocation> locations)
    {
        var all = locations.ToImmutableArray();
        if (all.Length > 0 && all.All(l => ReferenceEquals(l.File, all[0].File) || l.File == all[0].File))
            return Lines(all[0].File, all.Select(l => l.Line).ToArray());
        return new RowOrigins(null, null, all);
    }

    /// <summary>Number of rows.</summary>
    public int Count => _lines?.Length ?? _locations.Length;

    /// <summary>Where row <paramref name="row"/> came from.</summary>
    public SourceLocation this[int row] => _lines is not null ? new SourceLocation(_file!, _lines[row]) : _locations[row];

    /// <summary>All locations (materialised on first use).</summary>
    public ImmutableArray<SourceLocation> All
    {
        get
        {
            if (_locations.IsDefault) _locations = _lines!.Select(l => new SourceLocation(_file!, l)).ToImmutableArray();
            return _locations;
        }
    }

    /// <summary>The origins of the given rows, in order.</summary>
    public RowOrigins Select(IReadOnlyList<int> rows)
    {
        if (_lines is null) return new RowOrigins(null, null, rows.Select(i => _locations[i]).ToImmutableArray());
        var lines = new int[rows.Count];
        for (int k = 0; k < lines.Length; k++) lines[k] = _lines[rows[k]];
        return Lines(_file!, lines);
    }
}
