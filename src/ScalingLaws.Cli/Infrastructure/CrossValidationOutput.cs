using System.Globalization;
using System.Text;
using ScalingLaws.Serialization.Documents;
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

    private static string Table(CrossValidationResult r, int seed)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{r.Folds.Length}-fold cross-validation of {r.Law.Name} on {r.Target} (seed {seed}): every one of {r.Pooled.Count} rows predicted once by a fit that did not see it");
        sb.AppendLine($"  {"fold",-9} {"set",-9} {"n",5}  {"MAE",-10} {"MRE",-10} {"RMSE",-10} {"R²",-10} Spearman");
        for (int i = 0; i < r.Folds.Length; i++)
        {
            var f = r.Folds[i];
            string fold = (i + 1).ToString(Inv) + (f.IsUsable ? "" : " (!)");
            sb.AppendLine(Line(fold, "fit", ValidationJson.Errors(f.FitMetrics)));
            sb.AppendLine(Line("", "held-out", ValidationJson.Errors(f.TestMetrics)));
        }
        sb.AppendLine(Line("mean", "held-out", ValidationJson.FoldMean(r)));
        sb.AppendLine(Line("pooled", "held-out", ValidationJson.Errors(r.Pooled)));
        if (!r.AllUsable) sb.AppendLine("  (!) the fit of this fold did not converge.");
        return sb.ToString();
    }

    private static string Line(string fold, string set, ErrorMeasuresEntry m) =>
        string.Create(Inv, $"  {fold,-9} {set,-9} {m.N,5}  {m.Mae,-10:G4} {(100 * m.Mre).ToString("F3", Inv) + " %",-10} {m.Rmse,-10:G4} {m.RSquared,-10:F4} {m.Spearman:F4}");

    private static string Csv(CrossValidationResult r)
    {
        var rows = new List<(string Fold, string Set, ErrorMeasuresEntry Metrics)>();
        for (int i = 0; i < r.Folds.Length; i++)
        {
            string fold = (i + 1).ToString(Inv);
            rows.Add((fold, "fit", ValidationJson.Errors(r.Folds[i].FitMetrics)));
            rows.Add((fold, "held-out", ValidationJson.Errors(r.Folds[i].TestMetrics)));
        }
        rows.Add(("mean", "held-out", ValidationJson.FoldMean(r)));
        rows.Add(("pooled", "held-out", ValidationJson.Errors(r.Pooled)));
        return Infrastructure.Csv.Table(["fold", "set", "n", "mae", "mre", "rmse", "rmse_log", "r_squared", "spearman"],
            rows.Select(p => (IEnumerable<string?>)[p.Fold, p.Set, p.Metrics.N.ToString(Inv), Infrastructure.Csv.Number(p.Metrics.Mae),
                Infrastructure.Csv.Number(p.Metrics.Mre), Infrastructure.Csv.Number(p.Metrics.Rmse),
                Infrastructure.Csv.Number(p.Metrics.RmseLog), Infrastructure.Csv.Number(p.Metrics.RSquared), Infrastructure.Csv.Number(p.Metrics.Spearman)]));
    }

    private static string Json(CrossValidationResult r, int seed) => ValidationJson.WriteCrossValidation(ValidationJson.ToDocument(r, seed)) + "\n";
}
