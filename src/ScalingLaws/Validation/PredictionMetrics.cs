using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>
/// How well predictions match observations on one set of rows (the fitting rows or the held-out
/// rows): every measure of <see cref="Metrics"/> at once.
/// </summary>
/// <param name="Count">Number of rows n.</param>
/// <param name="MeanAbsoluteError">MAE, in the target's units (nats/token for losses).</param>
/// <param name="MeanRelativeError">MRE as a fraction (0.01 = 1 %).</param>
/// <param name="RootMeanSquareError">RMSE, in the target's units.</param>
/// <param name="RootMeanSquareLogError">RMSE of the log values (NaN when a value is ≤ 0).</param>
/// <param name="RSquared">R² of the values as given (NaN when all observations are equal).</param>
/// <param name="SpearmanRho">Spearman's rank correlation with ties (NaN for n &lt; 2 or a constant side).</param>
/// <param name="Objective">Σ ½ρ(r²) under <paramref name="Loss"/> and <paramref name="Space"/>: the fit's objective evaluated on these rows.</param>
/// <param name="Loss">The robust loss of <paramref name="Objective"/>.</param>
/// <param name="Space">The residual space of <paramref name="Objective"/>.</param>
public sealed record PredictionMetrics(
    int Count, double MeanAbsoluteError, double MeanRelativeError, double RootMeanSquareError,
    double RootMeanSquareLogError, double RSquared, double SpearmanRho, double Objective, RobustLoss Loss, ResidualSpace Space)
{
    /// <summary>Computes every measure for the given observations and predictions.</summary>
    /// <param name="observed">Observed values.</param>
    /// <param name="predicted">Predicted values, one per observation.</param>
    /// <param name="loss">Loss of <see cref="Objective"/>; default squared loss.</param>
    /// <param name="space">Residual space of <see cref="Objective"/>; default linear.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static PredictionMetrics Compute(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted,
        RobustLoss? loss = null, ResidualSpace space = ResidualSpace.Linear)
    {
        loss ??= SquaredLoss.Instance;
        return new PredictionMetrics(
            observed.Length,
            Metrics.MeanAbsoluteError(observed, predicted),
            Metrics.MeanRelativeError(observed, predicted),
            Metrics.RootMeanSquareError(observed, predicted),
            Metrics.RootMeanSquareLogError(observed, predicted),
            Metrics.RSquared(observed, predicted),
            observed.Length < 2 ? double.NaN : Metrics.SpearmanRho(observed, predicted),
            Metrics.Objective(observed, predicted, loss, space),
            loss, space);
    }

    /// <summary>The value of one error measure (all of them: smaller is better).</summary>
    /// <param name="metric">Which measure.</param>
    public double Error(ErrorMetric metric) => metric switch
    {
        ErrorMetric.MeanAbsoluteError => MeanAbsoluteError,
        ErrorMetric.MeanRelativeError => MeanRelativeError,
        ErrorMetric.RootMeanSquareError => RootMeanSquareError,
        ErrorMetric.RootMeanSquareLogError => RootMeanSquareLogError,
        ErrorMetric.Objective => Objective,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown error metric."),
    };
}
