using System.Globalization;
using System.Text;
using ScalingLaws.Fitting;
using ScalingLaws.Serialization.Documents;
using ScalingLaws.Validation;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// A fit's scale hold-out (see <see cref="ScaleHoldOut"/>) as a table section, a JSON member and CSV columns,
/// next to the in-sample error. <paramref name="Result"/> is null when not computed; <paramref name="Reason"/> says why.
/// </summary>
/// <param name="Variable">The held-out scale variable (<c>N</c> or <c>D</c>), or null.</param>
/// <param name="HeldOutValue">The largest value of <paramref name="Variable"/> (NaN without one).</param>
/// <param name="Result">The hold-out, or null.</param>
/// <param name="Reason">Why there is no hold-out, or null.</param>
/// <param name="ScatterVariance">
/// Run-to-run scatter σ̂² = Σ rᵢ²/(n − k) of the plain (not loss-reweighted) residuals in the fit's residual space,
/// saved as <c>scatterVariance</c> for <c>predict</c>'s intervals (a robust loss's reweighted residuals understate it).
/// </param>
internal sealed record ScaleHoldOutOutput(string? Variable, double HeldOutValue, HoldOutResult? Result, string? Reason, double ScatterVariance)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Computes the scale hold-out of <paramref name="fit"/> on <paramref name="data"/>, or records that it was skipped.</summary>
    public static ScaleHoldOutOutput For(FitResult fit, FitData data, bool enabled)
    {
        string? variable = ScaleHoldOut.ScaleVariable(fit.Law);
        double largest = variable is null || data.Count == 0 ? double.NaN : data.Max(variable);
        double rss = 0;
        for (int i = 0; i < data.Count; i++) { double r = Metrics.Residual(data.Y[i], fit.Predict(data.Row(i)), fit.Space); rss += r * r; }
        double scatter = rss / Math.Max(1, data.Count - fit.Statistics.FreeParameters);
        if (!enabled) return new(variable, largest, null, "not computed (--no-scale-holdout)", scatter);
        var (result, reason) = ScaleHoldOut.Evaluate(fit, data);
        return new(variable, largest, result, reason, scatter);
    }

    /// <summary>Table section: in-sample MRE, scale hold-out MRE and the held-out rows.</summary>
    public string Section(FitResult fit)
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine($"In-sample MRE: {Percent(fit.Statistics.MeanRelativeError)}");
        if (Result is null)
        {
            sb.AppendLine($"Scale hold-out: {Reason}");
            return sb.ToString();
        }
        sb.AppendLine($"Scale hold-out (refit without {Variable} = {HeldOutValue.ToString("G4", Inv)}, {Result.FitRows.Length} runs; predict its {Result.TestRows.Length} runs): MRE {Percent(Result.TestMetrics.MeanRelativeError)}{(Result.IsUsable ? "" : " (refit did not converge)")}");
        sb.AppendLine("  row  observed  predicted  error");
        for (int k = 0; k < Result.TestRows.Length; k++)
        {
            double o = Result.Observed[k], p = Result.Predicted[k];
            sb.AppendLine($"  {Result.TestRows[k] + 1,3}  {o.ToString("G6", Inv),8}  {p.ToString("G6", Inv),9}  {Percent((p - o) / o)}");
        }
        return sb.ToString();
    }

    /// <summary>The document with <c>inSampleMre</c>, <c>scatterVariance</c> and <c>scaleHoldOut</c> set.</summary>
    public FitDocument AddTo(FitDocument document, FitResult fit)
    {
        var entry = Result is null
            ? new FitScaleHoldOutEntry(Variable: Variable, Unavailable: Reason)
            : new FitScaleHoldOutEntry(Variable, HeldOutValue, Result.FitRows.Length, Result.TestMetrics.MeanRelativeError, Result.TestMetrics.MeanAbsoluteError,
                Result.IsUsable, [.. Result.TestRows.Select((row, k) => new FitHoldOutRowEntry(row + 1, Result.Observed[k], Result.Predicted[k]))]);
        return document with { InSampleMre = fit.Statistics.MeanRelativeError, ScatterVariance = ScatterVariance, ScaleHoldOut = entry };
    }

    /// <summary>CSV columns <c>in_sample_mre</c>, <c>scale_holdout_mre</c> (empty when unavailable).</summary>
    public static readonly string[] CsvHeader = ["in_sample_mre", "scale_holdout_mre"];

    /// <summary>The values of <see cref="CsvHeader"/> for <paramref name="fit"/>.</summary>
    public IEnumerable<string?> CsvFields(FitResult fit) =>
        [Csv.Number(fit.Statistics.MeanRelativeError), Result is null ? "" : Csv.Number(Result.TestMetrics.MeanRelativeError)];

    private static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : (100 * fraction).ToString("F2", Inv) + " %";
}
