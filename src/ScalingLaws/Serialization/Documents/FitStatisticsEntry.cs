using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>Goodness-of-fit statistics of a <see cref="FitDocument"/> (see <see cref="Fitting.FitStatistics"/>).</summary>
/// <param name="Count">Rows n.</param>
/// <param name="FreeParameters">Free parameters k.</param>
/// <param name="DegreesOfFreedom">n − k.</param>
/// <param name="Rss">Residual sum of squares.</param>
/// <param name="Rmse">√(RSS / n).</param>
/// <param name="RSquared">Coefficient of determination in the residual space.</param>
/// <param name="Aic">Akaike information criterion.</param>
/// <param name="Bic">Bayesian information criterion.</param>
/// <param name="Mae">Mean absolute error on the target's scale.</param>
/// <param name="Mre">Mean relative error.</param>
public sealed record FitStatisticsEntry(
    [property: JsonPropertyName("n")] int Count, int FreeParameters, int DegreesOfFreedom, double Rss, double Rmse, double RSquared,
    double Aic, double Bic, double Mae, double Mre);
