using System.Collections.Immutable;

namespace ScalingLaws.Data;

/// <summary>
/// How a law's variables are read from a run table: a variable reads the column of its own name unless
/// <see cref="Mapping"/> names another; a mixture law's domain weights come from <see cref="Weights"/>, rescaled per row
/// to sum to 1 when <see cref="NormalizeWeights"/> is set. Saved with every fit, so the fit can be applied again to a
/// file of the same layout.
/// </summary>
public sealed record ColumnBinding
{
    /// <summary>No mapping, no weight columns, no normalisation.</summary>
    public static ColumnBinding Identity { get; } = new();

    /// <summary>Law variable → column, for variables whose column has another name (ordinal key order).</summary>
    public ImmutableSortedDictionary<string, string> Mapping { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Domain-weight columns of a mixture law, in the law's domain order (empty for other laws).</summary>
    public ImmutableArray<string> Weights { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Whether each row's domain weights are rescaled to sum to 1 (otherwise rows whose weights do not are rejected).</summary>
    public bool NormalizeWeights { get; init; }

    /// <summary>The column that <paramref name="variable"/> reads: its mapped column, else the column of the same name.</summary>
    /// <param name="variable">A law variable.</param>
    public string ColumnOf(string variable) => Mapping.TryGetValue(variable, out var column) ? column : variable;

    /// <summary>A binding with the given mapping (keys kept in ordinal order).</summary>
    /// <param name="mapping">Law variable → column.</param>
    public ColumnBinding WithMapping(IEnumerable<KeyValuePair<string, string>> mapping) =>
        this with { Mapping = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, mapping) };
}
