using System.Collections.Immutable;
using System.Text.Json;

namespace ScalingLaws.Data;

/// <summary>
/// Reads domain weights from training configs of reweighting methods:
/// DoReMi (sangmichaelxie/doremi <c>configs/*.json</c>: a <c>train_domain_weights</c> object) and
/// DoGE (Olivia-fsm/DoGE <c>config/**/*.json</c>: <c>train_dw</c>, comma-separated weights in the order of
/// <c>train_domains</c>; DoGE lists one extra trailing weight, which must be 0 and is dropped).
/// Domain names are kept as the config spells them (e.g. <c>Wikipedia (en)</c>, <c>Pile-CC</c>, <c>arxiv</c>).
/// </summary>
public static class DomainWeightsReader
{
    /// <summary>Reads the weights of one config; the name is the file name without extension.</summary>
    /// <param name="path">Path of the JSON config.</param>
    /// <exception cref="DataException">The file is missing, not JSON, has no weights, or they do not match the domains.</exception>
    public static DomainWeights Read(string path) =>
        TryRead(path, Path.GetFileNameWithoutExtension(path))
        ?? throw new DataException("holds no domain weights: 'train_domain_weights' and 'train_dw' are both missing or null.", path);

    /// <summary>
    /// Reads every <c>*.json</c> config under <paramref name="directory"/> (recursively) that holds weights,
    /// named by its path relative to the folder without extension (e.g. <c>gpt_base/reweight_doge</c>),
    /// sorted by name. Configs without weights are left out.
    /// </summary>
    /// <param name="directory">Folder to search.</param>
    /// <exception cref="DataException">The folder is missing, or a config is malformed.</exception>
    public static ImmutableArray<DomainWeights> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DataException($"folder not found (looked for '{Path.GetFullPath(directory)}').", directory);
        return Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories)
            .Select(f => TryRead(f, Path.ChangeExtension(Path.GetRelativePath(directory, f), null).Replace('\\', '/')))
            .OfType<DomainWeights>()
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static DomainWeights? TryRead(string path, string name)
    {
        DataFiles.RequireFile(path);
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new DataException("expected a JSON object (a training config).", path);
            if (root.TryGetProperty("train_domain_weights", out var doremi) && doremi.ValueKind != JsonValueKind.Null)
                return Build(name, path, FromObject(doremi, path));
            if (root.TryGetProperty("train_dw", out var doge) && doge.ValueKind != JsonValueKind.Null)
                return Build(name, path, FromList(doge, root, path));
            return null;
        }
        catch (JsonException e)
        {
            throw new DataException($"is not valid JSON: {e.Message}", path, (int?)e.LineNumber + 1, innerException: e);
        }
    }

    private static DomainWeights Build(string name, string path, List<KeyValuePair<string, double>> weights)
    {
        try
        {
            return new DomainWeights(name, weights, path);
        }
        catch (ArgumentException e)
        {
            throw new DataException(e.Message, path, innerException: e);
        }
    }

    private static List<KeyValuePair<string, double>> FromObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            using var inner = JsonDocument.Parse(element.GetString()!);
            return FromObject(inner.RootElement.Clone(), path);
        }
        if (element.ValueKind != JsonValueKind.Object)
            throw new DataException("'train_domain_weights' must be an object mapping domains to weights.", path);
        return element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Number(p.Value, p.Name, path))).ToList();
    }

    private static List<KeyValuePair<string, double>> FromList(JsonElement element, JsonElement root, string path)
    {
        var weights = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(t => NumberText.TryParse(t, out double v) ? v : throw new DataException($"'train_dw' entry '{t}' is not a number.", path))
                .ToList(),
            JsonValueKind.Array => element.EnumerateArray().Select(e => Number(e, "train_dw", path)).ToList(),
            _ => throw new DataException("'train_dw' must be a comma-separated string or an array of numbers.", path),
        };
        if (!root.TryGetProperty("train_domains", out var domainsElement) || domainsElement.ValueKind != JsonValueKind.String)
            throw new DataException("'train_dw' needs 'train_domains', a comma-separated list of domain names.", path);
        var domains = domainsElement.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (weights.Count == domains.Length + 1 && weights[^1] == 0) weights.RemoveAt(weights.Count - 1);
        if (weights.Count != domains.Length)
            throw new DataException($"'train_dw' has {weights.Count} weights but 'train_domains' names {domains.Length} domains.", path);
        return domains.Zip(weights, KeyValuePair.Create).ToList();
    }

    private static double Number(JsonElement element, string what, string path) =>
        element.ValueKind == JsonValueKind.Number ? element.GetDouble()
        : element.ValueKind == JsonValueKind.String && NumberText.TryParse(element.GetString(), out double v) ? v
        : throw new DataException($"the weight of '{what}' is not a number.", path);
}
