namespace ScalingLaws.Serialization.Documents;

/// <summary>Error measures of predictions on a set of rows (or their mean over folds).</summary>
/// <param name="N">Rows n.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Mre">Mean relative error, as a fraction.</param>
/// <param name="Rmse">Root mean square error.</param>
/// <param name="RmseLog">Root mean square error of the log values.</param>
/// <param name="RSquared">Coefficient of determination R².</param>
/// <param name="Spearman">Spearman rank correlation ρ.</param>
public sealed record ErrorMeasuresEntry(
    int N,
    double Mae,
    double Mre,
    double Rmse,
    double RmseLog,
    double RSquared,
    double Spearman);
