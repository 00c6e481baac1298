using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace ScalingLaws.Validation;

/// <summary>Several laws fitted to the same rows, ranked by one criterion.</summary>
[ScalingLaws.Display.TypeFormatterSource(typeof(ScalingLaws.Display.NotebookFormatters))]
public sealed record LawComparisonResult
{
    /// <summary>The laws, best first.</summary>
    public required ImmutableArray<LawComparisonRow> Rows { get; init; }

    /// <summary>The ranking criterion.</summary>
    public required ComparisonCriterion Criterion { get; init; }

    /// <summary>Error measure of the held-out and cross-validation columns.</summary>
    public required ErrorMetric ErrorMetric { get; init; }

    /// <summary>Target column.</summary>
    public required string Target { get; init; }

    /// <summary>Rows every law was fitted on.</summary>
    public required int Count { get; init; }

    /// <summary>Things to keep in mind when reading the table (e.g. objectives from different losses are not comparable).</summary>
    public ImmutableArray<string> Warnings { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The best-ranked law.</summary>
    public LawComparisonRow Best => Rows[0];

    /// <summary>
    /// The ranking as a fixed-width text table (culture-invariant): rank, label, n, k, loss/space, objective,
    /// AIC, ΔAIC, BIC, Akaike weight, in-sample and (when computed) held-out and cross-validation errors.
    /// </summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        string metric = ErrorMetric switch
        {
            ErrorMetric.MeanAbsoluteError => "MAE",
            ErrorMetric.MeanRelativeError => "MRE",
            ErrorMetric.RootMeanSquareError => "RMSE",
            ErrorMetric.RootMeanSquareLogError => "RMSE(log)",
            _ => "objective",
        };
        bool heldOut = Rows.Any(r => r.HeldOut is not null), cv = Rows.Any(r => r.CrossValidated is not null);
        var header = new List<string> { "#", "law", "n", "k", "loss/space", "objective", "AIC", "ΔAIC", "BIC", "weight", "in-sample " + metric };
        if (heldOut) header.Add("held-out " + metric);
        if (cv) header.Add("CV " + metric);
        header.Add("status");
        var lines = new List<List<string>> { header };
        foreach (var r in Rows)
        {
            var line = new List<string>
            {
                r.Rank.ToString(inv), r.Label, r.Count.ToString(inv), r.FreeParameters.ToString(inv),
                $"{r.Fit.Loss.ToText()}/{r.Fit.Space.ToString().ToLowerInvariant()}",
                G(r.Objective), G(r.Aic), G(r.DeltaAic), G(r.Bic), r.AkaikeWeight.ToString("F3", inv),
                G(r.InSample.Error(ErrorMetric)),
            };
            if (heldOut) line.Add(r.HeldOut is null ? "" : G(r.HeldOut.TestMetrics.Error(ErrorMetric)));
            if (cv) line.Add(r.CrossValidated is null ? "" : G(r.CrossValidated.Pooled.Error(ErrorMetric)));
            line.Add(r.IsUsable ? "converged" : "NOT converged");
            lines.Add(line);
        }
        var widths = Enumerable.Range(0, header.Count).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(inv, $"Law comparison on '{Target}' ({Count} rows), ranked by {Describe(Criterion, metric)}"));
        foreach (var line in lines)
            sb.AppendLine(string.Join("  ", line.Select((cell, c) => c == 1 || c == 4 || c == header.Count - 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        foreach (var warning in Warnings) sb.AppendLine("note: " + warning);
        return sb.ToString();

        static string G(double v) => double.IsNaN(v) ? "NaN" : v.ToString("G5", CultureInfo.InvariantCulture);
    }

    private static string Describe(ComparisonCriterion criterion, string metric) => criterion switch
    {
        ComparisonCriterion.Aic => "AIC",
        ComparisonCriterion.Aicc => "AICc",
        ComparisonCriterion.Bic => "BIC",
        ComparisonCriterion.HeldOutError => "held-out " + metric,
        _ => "cross-validated " + metric,
    };
}
