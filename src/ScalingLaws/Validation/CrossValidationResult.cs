using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>The folds of a cross-validation and the errors over all held-out predictions.</summary>
[ScalingLaws.Display.TypeFormatterSource(typeof(ScalingLaws.Display.NotebookFormatters))]
public sealed record CrossValidationResult
{
    /// <summary>The law.</summary>
    public required IScalingLaw Law { get; init; }

    /// <summary>Target column.</summary>
    public required string Target { get; init; }

    /// <summary>One hold-out per fold or split, in split order.</summary>
    public required ImmutableArray<HoldOutResult> Folds { get; init; }

    /// <summary>Errors over the held-out predictions of all folds together (each row once for k-fold).</summary>
    public required PredictionMetrics Pooled { get; init; }

    /// <summary>Whether every fold's fit converged.</summary>
    public bool AllUsable => Folds.All(f => f.IsUsable);

    /// <summary>The held-out value of one error measure in each fold, in fold order.</summary>
    /// <param name="metric">Which measure.</param>
    public ImmutableArray<double> FoldErrors(ErrorMetric metric) => [.. Folds.Select(f => f.TestMetrics.Error(metric))];

    /// <summary>Mean over folds of one held-out error measure (for random splits: the mean over splits).</summary>
    /// <param name="metric">Which measure.</param>
    public double FoldMean(ErrorMetric metric) => Folds.Average(f => f.TestMetrics.Error(metric));
}
