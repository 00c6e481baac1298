using System.Globalization;
using System.Text.Json;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// The numbers a sweep index shows for a job, read from its JSON outputs: the objective (one fit), the fitted
/// parameters, and the mean relative error on held-out rows (<c>heldOutRows.mre</c> of a validation, or
/// <c>scaleHoldOut.mre</c> of a fit).
/// </summary>
/// <param name="Objective">The objective of the single fit; null with none or several.</param>
/// <param name="Parameters"><c>name=value</c> joined by "; ", each prefixed by <c>target:</c> when there are several fits.</param>
/// <param name="ScaleHoldOutError">Mean relative error on the held-out rows, when reported.</param>
internal sealed record SweepMetrics(double? Objective, string Parameters, double? ScaleHoldOutError)
{
    /// <summary>No numbers.</summary>
    public static SweepMetrics None { get; } = new(null, "", null);

    /// <summary>The numbers of the first JSON output in <paramref name="outputs"/> that holds fits.</summary>
    public static SweepMetrics Read(IEnumerable<string> outputs)
    {
        foreach (var path in outputs.Where(p => p.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(p)))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                if (From(document.RootElement) is { } metrics) return metrics;
            }
            catch (Exception e) when (e is IOException or JsonException or InvalidOperationException) { }
        }
        return None;
    }

    private static SweepMetrics? From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        var fits = new List<JsonElement>();
        if (root.TryGetProperty("parameters", out _) && root.TryGetProperty("objective", out _)) fits.Add(root);
        if (root.TryGetProperty("fit", out var fit) && fit.ValueKind == JsonValueKind.Object) fits.Add(fit);
        if (root.TryGetProperty("fits", out var list) && list.ValueKind == JsonValueKind.Array) fits.AddRange(list.EnumerateArray());
        if (fits.Count == 0) return null;
        string parameters = string.Join("; ", fits.SelectMany(f => f.GetProperty("parameters").EnumerateArray().Select(p =>
            (fits.Count > 1 ? f.GetProperty("target").GetString() + ":" : "") + p.GetProperty("name").GetString() + "="
            + JsonNumbers.Read(p.GetProperty("value")).ToString("R", CultureInfo.InvariantCulture))));
        double? objective = fits.Count == 1 && fits[0].GetProperty("objective").ValueKind == JsonValueKind.Number ? fits[0].GetProperty("objective").GetDouble() : null;
        double? holdOut = HeldOut(root, "heldOutRows") ?? (fits.Count == 1 ? HeldOut(fits[0], "scaleHoldOut") : null);
        return new SweepMetrics(objective, parameters, holdOut);
    }

    private static double? HeldOut(JsonElement e, string name) =>
        e.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("mre", out var mre) && mre.ValueKind == JsonValueKind.Number
            ? mre.GetDouble() : null;
}
