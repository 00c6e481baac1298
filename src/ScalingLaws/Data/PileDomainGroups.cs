using System.Collections.Immutable;
using System.Text.Json;

namespace ScalingLaws.Data;

/// <summary>
/// The five groups of the 22 Pile validation domains used by Ye et al. (Data Mixing Laws) and the
/// validation weights of <c>pipeline/valid_weight.json</c>: a group's loss is the weighted mean of its
/// domains' losses and the total loss the weighted sum over all 22 domains.
/// </summary>
public static class PileDomainGroups
{
    /// <summary>Group names in the order of the 5Mix training proportions.</summary>
    public static ImmutableArray<string> GroupNames { get; } = ["academic", "prose", "dialogue", "symbolic", "internet"];

    /// <summary>The Pile validation domains of each group, spelled as in the validation file names.</summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> Members { get; } =
        new Dictionary<string, ImmutableArray<string>>
        {
            ["academic"] = ["ArXiv", "PubMed_Abstracts", "PhilPapers", "NIH_ExPorter", "FreeLaw", "USPTO_Backgrounds", "PubMed_Central"],
            ["prose"] = ["PG19", "Books3", "BookCorpus2"],
            ["dialogue"] = ["Ubuntu_IRC", "OpenSubtitles", "EuroParl", "Enron_Emails", "HackerNews", "YoutubeSubtitles"],
            ["symbolic"] = ["DM_Mathematics", "Github"],
            ["internet"] = ["Pile-CC", "OpenWebText2", "StackExchange", "Wikipedia_en"],
        }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>Reads <c>valid_weight.json</c>: a JSON object mapping each validation domain to its weight.</summary>
    /// <param name="path">Path of the JSON file.</param>
    /// <exception cref="DataException">The file is missing, not such an object, or a weight is negative or not finite.</exception>
    public static ImmutableDictionary<string, double> ReadValidWeights(string path)
    {
        DataFiles.RequireFile(path);
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new DataException("expected a JSON object mapping validation domains to weights.", path);
            var weights = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out double w)
                    || !double.IsFinite(w) || w < 0)
                    throw new DataException($"the weight of '{property.Name}' must be a non-negative number.", path);
                weights[property.Name] = w;
            }
            return weights.ToImmutable();
        }
        catch (JsonException e)
        {
            throw new DataException($"is not valid JSON: {e.Message}", path, (int?)e.LineNumber + 1, innerException: e);
        }
    }

    /// <summary>
    /// Each group's weight in the total loss: the sum of its member domains' validation weights, so that
    /// Σ_g weight_g · loss_g equals the <c>total</c> column of <see cref="AddGroupLosses"/>.
    /// </summary>
    /// <param name="validWeights">Weight of each validation domain, e.g. from <see cref="ReadValidWeights"/>.</param>
    /// <exception cref="DataException">A group member's weight is missing.</exception>
    public static ImmutableDictionary<string, double> GroupWeights(IReadOnlyDictionary<string, double> validWeights)
    {
        ArgumentNullException.ThrowIfNull(validWeights);
        return GroupNames.ToImmutableDictionary(g => g, g => Members[g].Sum(d => validWeights.TryGetValue(d, out double w) ? w
            : throw new DataException($"the validation weights have no entry for '{d}' (member of '{g}').")), StringComparer.Ordinal);
    }

    /// <summary>
    /// Adds <c>&lt;prefix&gt;&lt;group&gt;</c> for each of the five groups (the weighted mean of its domains'
    /// losses) and <c>&lt;prefix&gt;total</c> (the weighted sum over all domains of <paramref name="validWeights"/>).
    /// A row missing any domain loss gets NaN in the affected columns.
    /// </summary>
    /// <param name="table">A table with one loss column per domain, named <c>&lt;prefix&gt;&lt;Domain&gt;</c> (e.g. <c>loss_Pile_CC</c>).</param>
    /// <param name="validWeights">Weight of each validation domain, e.g. from <see cref="ReadValidWeights"/>.</param>
    /// <param name="prefix">Prefix of the domain loss columns and of the new columns. Default <c>loss_</c>.</param>
    /// <exception cref="DataException">A domain loss column or a group member's weight is missing.</exception>
    public static RunTable AddGroupLosses(RunTable table, IReadOnlyDictionary<string, double> validWeights, string prefix = "loss_")
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(validWeights);
        foreach (var domain in Members.Values.SelectMany(m => m))
            if (!validWeights.ContainsKey(domain))
                throw new DataException($"the validation weights have no entry for '{domain}' (group member).");
        var missing = validWeights.Keys.Where(d => !table.HasColumn(prefix + ColumnNames.Sanitize(d))).ToList();
        if (missing.Count > 0)
            throw new DataException(
                $"no loss column for validation domain(s) {string.Join(", ", missing.Select(d => $"'{prefix}{ColumnNames.Sanitize(d)}'"))}. "
                + ColumnSuggestions.Available(table.ColumnNames), table.Name);
        foreach (var group in GroupNames)
            table = table.WithColumn(prefix + group, WeightedSum(table, Members[group], validWeights, prefix, normalize: true));
        return table.WithColumn(prefix + "total", WeightedSum(table, validWeights.Keys.Order(StringComparer.Ordinal), validWeights, prefix, normalize: false));
    }

    private static double[] WeightedSum(RunTable table, IEnumerable<string> domains, IReadOnlyDictionary<string, double> weights,
        string prefix, bool normalize)
    {
        var list = domains.ToList();
        var columns = list.Select(d => table.Numeric(prefix + ColumnNames.Sanitize(d))).ToList();
        double norm = normalize ? list.Sum(d => weights[d]) : 1;
        var result = new double[table.RowCount];
        for (int i = 0; i < result.Length; i++)
        {
            double sum = 0;
            for (int k = 0; k < list.Count; k++) sum += weights[list[k]] * columns[k][i];
            result[i] = sum / norm;
        }
        return result;
    }
}
