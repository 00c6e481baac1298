using ScalingLaws.Validation;
using static ScalingLaws.Display.HtmlTable;

namespace ScalingLaws.Display;

public static partial class HtmlView
{
    /// <summary>A hold-out: rows fitted and predicted, in-sample and held-out errors side by side, and each held-out row's observation and prediction.</summary>
    /// <param name="result">The hold-out.</param>
    public static string Render(HoldOutResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = Open("holdout");
        html.Append("<p><strong>").Append(Encode(result.Law.Name)).Append(" → ").Append(Encode(result.Target)).Append("</strong>: ")
            .Append(Encode(string.Create(Inv, $"fitted on {result.FitRows.Length} rows, predicted {result.TestRows.Length}; ")))
            .Append(result.IsUsable ? "converged" : "<strong>NOT converged</strong>").Append("</p>\n");
        Metrics(html, "Errors", ("in-sample", result.FitMetrics), ("held-out", result.TestMetrics));
        var rows = new HtmlTable("Held-out rows", "row", "observed", "predicted", "error");
        for (int i = 0; i < result.TestRows.Length; i++)
            rows.Row(Number(result.TestRows[i].ToString(Inv)), Number(G(result.Observed[i])), Number(G(result.Predicted[i])),
                Number(G(result.Predicted[i] - result.Observed[i])));
        rows.WriteTo(html);
        return Close(html);
    }

    /// <summary>A cross-validation: the held-out errors of each fold and pooled over all folds.</summary>
    /// <param name="result">The cross-validation.</param>
    public static string Render(CrossValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = Open("crossvalidation");
        html.Append("<p><strong>").Append(Encode(result.Law.Name)).Append(" → ").Append(Encode(result.Target)).Append("</strong>: ")
            .Append(Encode(string.Create(Inv, $"{result.Folds.Length} folds, ")))
            .Append(result.AllUsable ? "all converged" : "<strong>some did NOT converge</strong>").Append("</p>\n");
        Metrics(html, "Held-out errors", [.. result.Folds.Select((f, i) => (string.Create(Inv, $"fold {i + 1}"), f.TestMetrics)), ("pooled", result.Pooled)]);
        return Close(html);
    }

    /// <summary>A law comparison: rank, label, n, k, objective, AIC, ΔAIC, BIC, Akaike weight, and in-sample, held-out and cross-validated errors.</summary>
    /// <param name="result">The comparison.</param>
    public static string Render(LawComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var html = Open("comparison");
        string metric = result.ErrorMetric.ToString();
        html.Append("<p><strong>Law comparison</strong> on ").Append(Encode(result.Target))
            .Append(Encode(string.Create(Inv, $" ({result.Count} rows), ranked by {result.Criterion}; errors: {metric}"))).Append("</p>\n");
        bool heldOut = result.Rows.Any(r => r.HeldOut is not null), cv = result.Rows.Any(r => r.CrossValidated is not null);
        var header = new List<string> { "#", "law", "n", "k", "objective", "AIC", "ΔAIC", "BIC", "weight", "in-sample" };
        if (heldOut) header.Add("held-out");
        if (cv) header.Add("cross-validated");
        header.Add("status");
        var table = new HtmlTable("Ranking", [.. header]);
        foreach (var r in result.Rows)
        {
            var row = new List<(string, bool)>
            {
                Number(r.Rank.ToString(Inv)), Text(r.Label), Number(r.Count.ToString(Inv)), Number(r.FreeParameters.ToString(Inv)),
                Number(G(r.Objective)), Number(G(r.Aic)), Number(G(r.DeltaAic)), Number(G(r.Bic)), Number(r.AkaikeWeight.ToString("F3", Inv)),
                Number(G(r.InSample.Error(result.ErrorMetric))),
            };
            if (heldOut) row.Add(Number(r.HeldOut is null ? "" : G(r.HeldOut.TestMetrics.Error(result.ErrorMetric))));
            if (cv) row.Add(Number(r.CrossValidated is null ? "" : G(r.CrossValidated.Pooled.Error(result.ErrorMetric))));
            row.Add(Text(r.IsUsable ? "converged" : "NOT converged"));
            table.Row([.. row]);
        }
        table.WriteTo(html);
        Warnings(html, result.Warnings);
        return Close(html);
    }

    private static void Metrics(System.Text.StringBuilder html, string caption, params (string Name, PredictionMetrics Metrics)[] sets)
    {
        var table = new HtmlTable(caption, "rows", "n", "MAE", "MRE %", "RMSE", "RMSE (log)", "R²", "Spearman ρ");
        foreach (var (name, m) in sets)
            table.Row(Text(name), Number(m.Count.ToString(Inv)), Number(G(m.MeanAbsoluteError)), Number(G(100 * m.MeanRelativeError)),
                Number(G(m.RootMeanSquareError)), Number(G(m.RootMeanSquareLogError)), Number(G(m.RSquared)), Number(G(m.SpearmanRho)));
        table.WriteTo(html);
    }
}
