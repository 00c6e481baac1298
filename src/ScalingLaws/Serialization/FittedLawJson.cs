using System.Collections.Immutable;
using System.Text.Json;
using ScalingLaws.Laws;
using ScalingLaws.Optimization;

namespace ScalingLaws.Serialization;

/// <summary>
/// Reads the fitted law (law, variables, parameter values, target) back from fit JSON written by
/// <see cref="FitJson"/>, so that a saved fit can be optimised without refitting. Catalogue laws are
/// rebuilt with <see cref="LawCatalog.Create"/> (mixture laws with their domain columns taken from the
/// saved variables); user formulas with <see cref="FormulaLaw.Create(string, IEnumerable{string}, IEnumerable{string})"/>.
/// </summary>
public static class FittedLawJson
{
    /// <summary>Reads one fit document.</summary>
    /// <param name="json">A document written by <see cref="FitJson.Write(Fitting.FitResult)"/>.</param>
    /// <exception cref="JsonException">The document is not a fit, or its law cannot be rebuilt.</exception>
    public static FittedLaw Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    /// <summary>
    /// Reads every fit of a document: a single fit object, an array of fit objects, or an object with a
    /// <c>fits</c> array.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <exception cref="JsonException">A fit cannot be read.</exception>
    public static ImmutableArray<FittedLaw> ReadAll(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array) return root.EnumerateArray().Select(Read).ToImmutableArray();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("fits", out var fits) && fits.ValueKind == JsonValueKind.Array)
            return fits.EnumerateArray().Select(Read).ToImmutableArray();
        return [Read(root)];
    }

    /// <summary>Reads one fit object.</summary>
    /// <param name="fit">The JSON object of a fit.</param>
    /// <exception cref="JsonException">Not a fit, or the law cannot be rebuilt.</exception>
    public static FittedLaw Read(JsonElement fit)
    {
        if (fit.ValueKind != JsonValueKind.Object || !fit.TryGetProperty("law", out var lawElement) || !fit.TryGetProperty("parameters", out var parameters))
            throw new JsonException("Not a fit document (expected \"law\" and \"parameters\").");
        if (fit.TryGetProperty("schemaVersion", out var version) && version.GetInt32() > SchemaVersion.Current)
            throw new JsonException($"Schema version {version.GetInt32()} is newer than this library's ({SchemaVersion.Current}).");
        string name = lawElement.GetString() ?? throw new JsonException("\"law\" is null.");
        var variables = fit.GetProperty("variables").EnumerateArray().Select(v => v.GetString()!).ToList();
        var values = parameters.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, Value: JsonNumbers.Read(p.GetProperty("value")))).ToList();
        string target = fit.TryGetProperty("target", out var t) ? t.GetString() ?? "" : "";
        IScalingLaw law;
        try
        {
            if (name == "formula")
                law = FormulaLaw.Create(fit.GetProperty("formula").GetString()!, variables, values.Select(v => v.Name));
            else
            {
                var domains = LawCatalog.RequiresDomains(name) ? variables.Where(v => v != "N" && v != "D").ToList() : null;
                law = LawCatalog.Create(name, domains);
            }
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"The law '{name}' of the fit cannot be rebuilt: {e.Message}", e);
        }
        if (!law.Variables.SequenceEqual(variables))
            throw new JsonException($"The rebuilt law '{name}' reads ({string.Join(", ", law.Variables)}) but the fit lists ({string.Join(", ", variables)}).");
        var names = law.Parameters.Select(p => p.Name).ToList();
        if (!names.SequenceEqual(values.Select(v => v.Name)))
            throw new JsonException($"The fit's parameters ({string.Join(", ", values.Select(v => v.Name))}) differ from law '{name}''s ({string.Join(", ", names)}).");
        if (values.Any(v => !double.IsFinite(v.Value)))
            throw new JsonException($"The fit of '{name}' has a parameter without a finite value (a failed fit?).");
        return new FittedLaw(law, values.Select(v => v.Value), string.IsNullOrEmpty(target) ? null : target);
    }
}
