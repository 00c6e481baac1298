using System.Collections.Immutable;

namespace ScalingLaws.Data;

/// <summary>
/// The naming convention of domain-weight columns, the one place that reads a column's prefix: <c>h_</c> (Data Mixing Laws'
/// logs), <c>w_</c> (RegMix) and <c>r_</c> (mixture ratios) mark the share of a training domain. Which variables of a law are
/// domain weights is said by the law (<c>IMixtureLaw.Domains</c>) or by the fit's saved binding, never by a name.
/// </summary>
public static class WeightColumnNames
{
    /// <summary>The prefixes of domain-weight columns: <c>h_</c>, <c>w_</c>, <c>r_</c>.</summary>
    public static ImmutableArray<string> Prefixes { get; } = ["h_", "w_", "r_"];

    /// <summary>
    /// The domain-weight columns of a table when none are named: the columns starting with <c>h_</c>, else those starting with
    /// <c>w_</c>, in table order; empty when there are neither.
    /// </summary>
    /// <param name="columns">The table's column names.</param>
    public static ImmutableArray<string> Default(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var prefix in (ReadOnlySpan<string>)["h_", "w_"])
        {
            var matches = columns.Where(c => c.Length > prefix.Length && c.StartsWith(prefix, StringComparison.Ordinal)).ToImmutableArray();
            if (!matches.IsEmpty) return matches;
        }
        return [];
    }

    /// <summary>
    /// The domain a weight column stands for: the name without a leading <c>h_</c>, <c>w_</c> or <c>r_</c>
    /// (<c>h_web</c> → <c>web</c>); the name itself when it has no such prefix or nothing follows it.
    /// </summary>
    /// <param name="column">A column name.</param>
    public static string Domain(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        foreach (var prefix in Prefixes)
            if (column.Length > prefix.Length && column.StartsWith(prefix, StringComparison.Ordinal)) return column[prefix.Length..];
        return column;
    }
}
