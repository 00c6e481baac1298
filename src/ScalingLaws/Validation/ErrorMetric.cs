namespace ScalingLaws.Validation;

/// <summary>An error measure of <see cref="PredictionMetrics"/> used to rank laws or summarise folds; smaller is better.</summary>
public enum ErrorMetric
{
    /// <summary>Mean absolute error.</summary>
    MeanAbsoluteError,

    /// <summary>Mean relative error.</summary>
    MeanRelativeError,

    /// <summary>Root mean square error.</summary>
    RootMeanSquareError,

    /// <summary>Root mean square error of log values.</summary>
    RootMeanSquareLogError,

    /// <summary>The fit's own objective (robust loss in its residual space) on the rows.</summary>
    Objective,
}
