using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>How a <see cref="LawComparison"/> is run and ranked.</summary>
public sealed record LawComparisonOptions
{
    /// <summary>Default options: fits on all rows, no hold-out, no cross-validation, ranked by AIC in log space.</summary>
    public static LawComparisonOptions Default { get; } = new();

    /// <summary>Binding options, and the fit options of candidates that have none. Default <see cref="ValidationOptions.Default"/>.</summary>
    public ValidationOptions Validation { get; init; } = ValidationOptions.Default;

    /// <summary>Optional hold-out (row indices of the compared table): each law is also fitted on its fitting rows and scored on its test rows. Default none.</summary>
    public HoldOutSplit? Split { get; init; }

    /// <summary>Folds of an optional seeded k-fold cross-validation; 0 (default) for none, else ≥ 2.</summary>
    public int CrossValidationFolds { get; init; }

    /// <summary>Seed of the cross-validation split. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// What to rank by; <c>null</c> (default) picks <see cref="ComparisonCriterion.HeldOutError"/> when a
    /// <see cref="Split"/> is given, else <see cref="ComparisonCriterion.CrossValidationError"/> when folds are
    /// given, else <see cref="ComparisonCriterion.Aic"/>.
    /// </summary>
    public ComparisonCriterion? RankBy { get; init; }

    /// <summary>Error measure of the held-out and cross-validation criteria. Default <see cref="ErrorMetric.MeanAbsoluteError"/>.</summary>
    public ErrorMetric ErrorMetric { get; init; } = ErrorMetric.MeanAbsoluteError;

    /// <summary>
    /// Space of the residuals in AIC and BIC, common to all laws whatever loss and space each was fitted
    /// with (so the criteria stay comparable). Default <see cref="ResidualSpace.Log"/>, as for positive losses.
    /// </summary>
    public ResidualSpace InformationSpace { get; init; } = ResidualSpace.Log;
}
