using System.Text.Json;
using ScalingLaws.Serialization;
using ScalingLaws.Validation;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>The error measures the validate command prints for one set of rows, or their mean over folds.</summary>
/// <param name="Count">Rows n.</param>
/// <param name="MeanAbsoluteError">MAE.</param>
/// <param name="MeanRelativeError">MRE as a fraction.</param>
/// <param name="RootMeanSquareError">RMSE.</param>
/// <param name="RootMeanSquareLogError">RMSE of the log values.</param>
/// <param name="RSquared">R².</param>
/// <param name="SpearmanRho">Spearman's ρ.</param>
internal sealed record ErrorSummary(int Count, double MeanAbsoluteError, double MeanRelativeError, double RootMeanSquareError,
    double RootMeanSquareLogError, double RSquared, double SpearmanRho)
{
    /// <summary>The measures of <paramref name="m"/>.</summary>
    public static ErrorSummary From(PredictionMetrics m) =>
        new(m.Count, m.MeanAbsoluteError, m.MeanRelativeError, m.RootMeanSquareError, m.RootMeanSquareLogError, m.RSquared, m.SpearmanRho);

    /// <summary>Writes the measures as the JSON object <paramref name="name"/>: n, mae, mre, rmse, rmseLog, rSquared, spearman.</summary>
    public void WriteJson(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject(name);
        w.WriteNumber("n", Count);
        JsonNumbers.Write(w, "mae", MeanAbsoluteError);
        JsonNumbers.Write(w, "mre", MeanRelativeError);
        JsonNumbers.Write(w, "rmse", RootMeanSquareError);
        JsonNumbers.Write(w, "rmseLog", RootMeanSquareLogError);
        JsonNumbers.Write(w, "rSquared", RSquared);
        JsonNumbers.Write(w, "spearman", SpearmanRho);
        w.WriteEndObject();
    }
}
