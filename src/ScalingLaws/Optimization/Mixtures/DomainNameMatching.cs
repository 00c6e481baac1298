using System.Collections.Immutable;
using System.Text;
using ScalingLaws.Data;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// Matches domain names spelled differently by different sources — RegMix columns (<c>w_pile_cc</c>,
/// <c>train_the_pile_gutenberg_pg_19</c>), Data Mixing Laws columns (<c>h_Pile_CC</c>, <c>loss_Pile_CC</c>),
/// DoReMi configs (<c>Pile-CC</c>, <c>Gutenberg (PG-19)</c>, <c>Wikipedia (en)</c>), validation weights
/// (<c>PG19</c>, <c>Wikipedia_en</c>) — by a normal form (see <see cref="Normalize"/>).
/// </summary>
public static class DomainNameMatching
{
    private static readonly string[] SourcePrefixes = ["metric/", "train_the_pile_", "the_pile_", "train_", "loss_"];

    private static readonly ImmutableDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["pg19"] = "gutenbergpg19",
        ["wikipedia"] = "wikipediaen",
    }.ToImmutableDictionary();

    /// <summary>
    /// The normal form of a domain name: lower-cased (invariant); the prefixes <c>metric/</c>,
    /// <c>train_the_pile_</c>, <c>the_pile_</c>, <c>train_</c>, <c>loss_</c> and the domain-weight prefixes
    /// (<see cref="WeightColumnNames.Domain"/>) and
    /// the suffix <c>_val_loss</c> removed; every character other than a letter or digit removed; then the
    /// aliases <c>pg19</c> → <c>gutenbergpg19</c> and <c>wikipedia</c> → <c>wikipediaen</c> applied.
    /// So <c>Pile-CC</c>, <c>pile_cc</c>, <c>w_pile_cc</c> and <c>loss_Pile_CC</c> all become <c>pilecc</c>, and
    /// <c>Gutenberg (PG-19)</c>, <c>gutenberg_pg_19</c> and <c>PG19</c> all become <c>gutenbergpg19</c>.
    /// </summary>
    /// <param name="name">A domain, weight-column or loss-column name.</param>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string s = name.Trim().ToLowerInvariant();
        bool stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in SourcePrefixes)
                if (s.Length > prefix.Length && s.StartsWith(prefix, StringComparison.Ordinal)) { s = s[prefix.Length..]; stripped = true; }
            string domain = WeightColumnNames.Domain(s);
            if (domain.Length < s.Length) { s = domain; stripped = true; }
        }
        if (s.Length > 9 && s.EndsWith("_val_loss", StringComparison.Ordinal)) s = s[..^9];
        var builder = new StringBuilder(s.Length);
        foreach (char c in s) if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
        string key = builder.ToString();
        return Aliases.TryGetValue(key, out var alias) ? alias : key;
    }

    /// <summary>Whether two names have the same normal form.</summary>
    /// <param name="a">A name.</param>
    /// <param name="b">Another name.</param>
    public static bool Same(string a, string b) => a == b || Normalize(a) == Normalize(b);

    /// <summary>Index of <paramref name="name"/> in <paramref name="names"/>: the exact name, else the unique name with the same normal form.</summary>
    /// <param name="name">The name looked for.</param>
    /// <param name="names">The candidates.</param>
    /// <returns>The index, or −1 when there is no match or the normal form is ambiguous.</returns>
    public static int Find(string name, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(names);
        for (int j = 0; j < names.Count; j++) if (names[j] == name) return j;
        string key = Normalize(name);
        int found = -1;
        for (int j = 0; j < names.Count; j++)
            if (Normalize(names[j]) == key)
            {
                if (found >= 0) return -1;
                found = j;
            }
        return found;
    }

    internal static int IndexOf(string name, IReadOnlyList<string> names, string message)
    {
        int j = Find(name, names);
        if (j >= 0) return j;
        throw new ArgumentException($"{message}. The training domains are {string.Join(", ", names)} (names are compared after normalisation: '{name}' → '{Normalize(name)}').");
    }
}
