using System.Text;
using System.Text.Json;
using ScalingLaws.Fitting;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Renders one or more fits as table, JSON or CSV.</summary>
public static class FitOutput
{
    /// <summary>The fits in <paramref name="format"/>.</summary>
    public static string Render(IReadOnlyList<FitResult> fits, OutputFormat format) => format switch
    {
        OutputFormat.Json => Json(fits),
        OutputFormat.Csv => Csv(fits),
        _ => string.Join("\n", fits.Select(f => f.Report())),
    };

    /// <summary>One fit as a <c>"kind": "fit"</c> document, several as <c>"kind": "fits"</c>.</summary>
    public static string Json(IReadOnlyList<FitResult> fits)
    {
        if (fits.Count == 1) return FitJson.Write(fits[0]) + "\n";
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion.Current);
            w.WriteString("kind", "fits");
            w.WriteStartArray("fits");
            foreach (var fit in fits) { w.WriteStartObject(); FitJson.WriteBody(w, fit); w.WriteEndObject(); }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One row per (target, parameter) with value, standard error, bounds and state, plus fit-level columns.</summary>
    public static string Csv(IReadOnlyList<FitResult> fits) =>
        Infrastructure.Csv.Table(
            ["target", "law", "parameter", "value", "standard_error", "lower", "upper", "state", "objective", "rmse", "r_squared", "termination", "usable"],
            fits.SelectMany(f => f.Parameters.Select(p => (IEnumerable<string?>)
            [
                f.Target, f.Law.Name, p.Name, Infrastructure.Csv.Number(p.Value), Infrastructure.Csv.Number(p.StandardError),
                Infrastructure.Csv.Number(p.Lower), Infrastructure.Csv.Number(p.Upper), p.Bound.ToString().ToLowerInvariant(),
                Infrastructure.Csv.Number(f.Objective), Infrastructure.Csv.Number(f.Statistics.RootMeanSquareError),
                Infrastructure.Csv.Number(f.Statistics.RSquared), f.Termination.ToString(), f.IsUsable ? "true" : "false",
            ])));
}
