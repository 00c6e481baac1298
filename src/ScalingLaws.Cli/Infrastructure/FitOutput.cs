using System.Text;
using System.Text.Json;
using ScalingLaws.Fitting;
using ScalingLaws.Serialization;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Renders one or more fits (with their bootstrap intervals, when computed) as table, JSON or CSV.</summary>
public static class FitOutput
{
    /// <summary>The fits in <paramref name="format"/>.</summary>
    /// <param name="fits">The fits.</param>
    /// <param name="format">Table, JSON or CSV.</param>
    /// <param name="bootstraps">One bootstrap per fit, in the same order, or null when none was run.</param>
    /// <param name="scale">One scale hold-out per fit, in the same order, or null.</param>
    /// <param name="weights">The domain-weight columns of a mixture fit and whether they were normalised (saved for <c>predict</c>), or null.</param>
    public static string Render(IReadOnlyList<FitResult> fits, OutputFormat format, IReadOnlyList<BootstrapResult>? bootstraps = null,
        IReadOnlyList<ScaleHoldOutOutput>? scale = null, (IReadOnlyList<string> Columns, bool Normalized)? weights = null)
    {
        if (bootstraps is not null && bootstraps.Count != fits.Count)
            throw new ArgumentException($"{fits.Count} fits but {bootstraps.Count} bootstraps.", nameof(bootstraps));
        return format switch
        {
            OutputFormat.Json => Json(fits, bootstraps, scale, weights),
            OutputFormat.Csv => Csv(fits, bootstraps, scale),
            _ => string.Join("\n", fits.Select((f, i) => f.Report()
                + (bootstraps is null ? "" : BootstrapReport.Section(f, bootstraps[i]))
                + (scale is null ? "" : scale[i].Section(f)))),
        };
    }

    /// <summary>One fit as a <c>"kind": "fit"</c> document, several as <c>"kind": "fits"</c>; bootstrap and scale hold-out fields when given.</summary>
    public static string Json(IReadOnlyList<FitResult> fits, IReadOnlyList<BootstrapResult>? bootstraps = null, IReadOnlyList<ScaleHoldOutOutput>? scale = null,
        (IReadOnlyList<string> Columns, bool Normalized)? weights = null)
    {
        void Body(Utf8JsonWriter w, int i)
        {
            FitJson.WriteBody(w, fits[i], bootstraps?[i]);
            scale?[i].WriteJson(w, fits[i]);
            if (weights is not { } input) return;
            w.WriteStartObject("input");
            w.WriteStartArray("weights");
            foreach (var c in input.Columns) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteBoolean("normalizedWeights", input.Normalized);
            w.WriteEndObject();
        }
        if (fits.Count == 1) return JsonText.Object(null, w => Body(w, 0)) + "\n";
        return JsonText.Object("fits", w =>
        {
            w.WriteStartArray("fits");
            for (int i = 0; i < fits.Count; i++) { w.WriteStartObject(); Body(w, i); w.WriteEndObject(); }
            w.WriteEndArray();
        }) + "\n";
    }

    /// <summary>
    /// One row per (target, parameter) with value, standard error, bounds and state, plus fit-level columns; with a
    /// bootstrap also <c>bootstrap_lower</c>, <c>bootstrap_upper</c>, <c>bootstrap_standard_error</c>.
    /// </summary>
    public static string Csv(IReadOnlyList<FitResult> fits, IReadOnlyList<BootstrapResult>? bootstraps = null, IReadOnlyList<ScaleHoldOutOutput>? scale = null)
    {
        string[] header = ["target", "law", "parameter", "value", "standard_error", "lower", "upper", "state", "objective", "rmse", "r_squared", "termination", "usable"];
        if (scale is not null) header = [.. header, .. ScaleHoldOutOutput.CsvHeader];
        if (bootstraps is not null) header = [.. header, "bootstrap_lower", "bootstrap_upper", "bootstrap_standard_error"];
        var rows = fits.SelectMany((f, i) => f.Parameters.Select((p, j) =>
        {
            IEnumerable<string?> row =
            [
                f.Target, f.Law.Name, p.Name, Infrastructure.Csv.Number(p.Value), Infrastructure.Csv.Number(p.StandardError),
                Infrastructure.Csv.Number(p.Lower), Infrastructure.Csv.Number(p.Upper), p.Bound.ToString().ToLowerInvariant(),
                Infrastructure.Csv.Number(f.Objective), Infrastructure.Csv.Number(f.Statistics.RootMeanSquareError),
                Infrastructure.Csv.Number(f.Statistics.RSquared), f.Termination.ToString(), f.IsUsable ? "true" : "false",
            ];
            if (scale is not null) row = row.Concat(scale[i].CsvFields(f));
            if (bootstraps is null) return row;
            var b = bootstraps[i];
            return row.Concat([Infrastructure.Csv.Number(b.Intervals[j].Lower), Infrastructure.Csv.Number(b.Intervals[j].Upper), Infrastructure.Csv.Number(b.StandardErrors[j])]);
        }));
        return Infrastructure.Csv.Table(header, rows);
    }
}
