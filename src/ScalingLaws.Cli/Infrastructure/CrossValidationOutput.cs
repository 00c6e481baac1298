using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingLaws.Serialization;
using ScalingLaws.Validation;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// Renders a k-fold cross-validation as table, JSON or CSV: each fold's errors on its fitting and held-out rows,
/// the mean of the held-out errors over the folds, and the errors of all held-out predictions pooled.
/// </summary>
internal static class CrossValidationOutput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The result of <see cref="CrossValidation.KFold(Fitting.IScalingLaw, Data.RunTable, string, int, int, ValidationOptions?)"/> in <paramref name="format"/>.</summary>
    /// <param name="result">The cross-validation.</param>
    /// <param name="seed">The seed of the split (reported so the run can be repeated).</param>
    /// <param name="format">Table, JSON or CSV.</param>
    public static string Render(CrossValidationResult result, int seed, OutputFormat format) => format switch
    {
        OutputFormat.Json => Json(result, seed),
        OutputFormat.Csv => Csv(result),
        _ => Table(result, seed),
    };

    /// <summary>
    /// The mean over folds of each held-out measure: (1/k) Σᵢ mᵢ for MAE, MRE, RMSE, RMSE of logs, R² and Spearman ρ;
    /// its count is the number of held-out rows over all folds.
    /// </summary>
    public static ErrorSummary FoldMean(CrossValidationResult result)
    {
        var held = result.Folds.Select(f => f.TestMetrics).ToList();
        return new ErrorSummary(held.Sum(m => m.Count), held.Average(m => m.MeanAbsoluteError), held.Average(m => m.MeanRelativeError),
            held.Average(m => m.RootMeanSquareError), held.Average(m => m.RootMeanSquareLogError), held.Average(m => m.RSquared), held.Average(m => m.SpearmanRho));
    }

    private static string Table(CrossValidationResult r, int seed)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{r.Folds.Length}-fold cross-validation of {r.Law.Name} on {r.Target} (seed {seed}): every one of {r.Pooled.Count} rows predicted once by a fit that did not see it");
        sb.AppendLine($"  {"fold",-9} {"set",-9} {"n",5}  {"MAE",-10} {"MRE",-10} {"RMSE",-10} {"R²",-10} Spearman");
        for (int i = 0; i < r.Folds.Length; i++)
        {
            var f = r.Folds[i];
            string fold = (i + 1).ToString(Inv) + (f.IsUsable ? "" : " (!)");
            sb.AppendLine(Line(fold, "fit", ErrorSummary.From(f.FitMetrics)));
            sb.AppendLine(Line("", "held-out", ErrorSummary.From(f.TestMetrics)));
        }
        sb.AppendLine(Line("mean", "held-out", FoldMean(r)));
        sb.AppendLine(Line("pooled", "held-out", ErrorSummary.From(r.Pooled)));
        if (!r.AllUsable) sb.AppendLine("  (!) the fit of this fold did not converge.");
        return sb.ToString();
    }

    private static string Line(string fold, string set, ErrorSummary m) =>
        string.Create(Inv, $"  {fold,-9} {set,-9} {m.Count,5}  {m.MeanAbsoluteError,-10:G4} {(100 * m.MeanRelativeError).ToString("F3", Inv) + " %",-10} {m.RootMeanSquareError,-10:G4} {m.RSquared,-10:F4} {m.SpearmanRho:F4}");

    private static string Csv(CrossValidationResult r)
    {
        var rows = new List<(string Fold, string Set, ErrorSummary Metrics)>();
        for (int i = 0; i < r.Folds.Length; i++)
        {
            string fold = (i + 1).ToString(Inv);
            rows.Add((fold, "fit", ErrorSummary.From(r.Folds[i].FitMetrics)));
            rows.Add((fold, "held-out", ErrorSummary.From(r.Folds[i].TestMetrics)));
        }
        rows.Add(("mean", "held-out", FoldMean(r)));
        rows.Add(("pooled", "held-out", ErrorSummary.From(r.Pooled)));
        return Infrastructure.Csv.Table(["fold", "set", "n", "mae", "mre", "rmse", "rmse_log", "r_squared", "spearman"],
            rows.Select(p => (IEnumerable<string?>)[p.Fold, p.Set, p.Metrics.Count.ToString(Inv), Infrastructure.Csv.Number(p.Metrics.MeanAbsoluteError),
                Infrastructure.Csv.Number(p.Metrics.MeanRelativeError), Infrastructure.Csv.Number(p.Metrics.RootMeanSquareError),
                Infrastructure.Csv.Number(p.Metrics.RootMeanSquareLogError), Infrastructure.Csv.Number(p.Metrics.RSquared), Infrastructure.Csv.Number(p.Metrics.SpearmanRho)]));
    }

    private static string Json(CrossValidationResult r, int seed)
    {
        return JsonText.Object("cross-validation", w =>
        {
            w.WriteString("law", r.Law.Name);
            w.WriteString("target", r.Target);
            w.WriteNumber("folds", r.Folds.Length);
            w.WriteNumber("seed", seed);
            w.WriteBoolean("usable", r.AllUsable);
            FoldMean(r).WriteJson(w, "mean");
            ErrorSummary.From(r.Pooled).WriteJson(w, "pooled");
            w.WriteStartArray("foldResults");
            for (int i = 0; i < r.Folds.Length; i++)
            {
                var f = r.Folds[i];
                w.WriteStartObject();
                w.WriteNumber("fold", i + 1);
                ErrorSummary.From(f.FitMetrics).WriteJson(w, "fitRows");
                ErrorSummary.From(f.TestMetrics).WriteJson(w, "heldOutRows");
                w.WriteStartArray("heldOutRowIndices");
                foreach (int row in f.TestRows) w.WriteNumberValue(row);
                w.WriteEndArray();
                FitJson.WriteProperty(w, "fit", f.Fit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }) + "\n";
    }
}
