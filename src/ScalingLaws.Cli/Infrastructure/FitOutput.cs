using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Serialization;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Renders one or more fits (with their bootstrap intervals, when computed) as table, JSON or CSV.</summary>
internal static class FitOutput
{
    /// <summary>The fits in <paramref name="format"/>.</summary>
    /// <param name="fits">The fits.</param>
    /// <param name="format">Table, JSON or CSV.</param>
    /// <param name="bootstraps">One bootstrap per fit, in the same order, or null when none was run.</param>
    /// <param name="binding">How the fits' variables were bound to columns (saved in JSON); null for the identity binding.</param>
    /// <param name="scale">One scale hold-out per fit, in the same order, or null.</param>
    public static string Render(IReadOnlyList<FitResult> fits, OutputFormat format, IReadOnlyList<BootstrapResult>? bootstraps = null, ColumnBinding? binding = null,
        IReadOnlyList<ScaleHoldOutOutput>? scale = null)
    {
        if (bootstraps is not null && bootstraps.Count != fits.Count)
            throw new ArgumentException($"{fits.Count} fits but {bootstraps.Count} bootstraps.", nameof(bootstraps));
        return format switch
        {
            OutputFormat.Json => Json(fits, bootstraps, binding, scale),
            OutputFormat.Csv => Csv(fits, bootstraps, scale),
            _ => string.Join("\n", fits.Select((f, i) => f.Report()
                + (bootstraps is null ? "" : BootstrapReport.Section(f, bootstraps[i]))
                + (scale is null ? "" : scale[i].Section(f)))),
        };
    }

    /// <summary>One fit as a <c>"kind": "fit"</c> document, several as <c>"kind": "fits"</c>; bootstrap fields when given.</summary>
    public static string Json(IReadOnlyList<FitResult> fits, IReadOnlyList<BootstrapResult>? bootstraps = null, ColumnBinding? binding = null,
        IReadOnlyList<ScaleHoldOutOutput>? scale = null)
    {
        var documents = fits.Select((f, i) =>
        {
            var document = FitJson.ToDocument(f, bootstraps?[i], binding);
            return scale is null ? document : scale[i].AddTo(document, f);
        }).ToList();
        return (documents.Count == 1 ? FitJson.Write(documents[0]) : FitJson.Write(documents)) + "\n";
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
