namespace ScalingLaws.Validation;

/// <summary>What a <see cref="LawComparison"/> ranks by; smaller is better for every criterion.</summary>
public enum ComparisonCriterion
{
    /// <summary>Akaike's information criterion n·ln(RSS/n) + 2k, RSS in the comparison's residual space.</summary>
    Aic,

    /// <summary>AIC with the small-sample correction 2k(k + 1)/(n − k − 1).</summary>
    Aicc,

    /// <summary>Bayesian information criterion n·ln(RSS/n) + k·ln n.</summary>
    Bic,

    /// <summary>The chosen <see cref="ErrorMetric"/> on the held-out rows of the comparison's split.</summary>
    HeldOutError,

    /// <summary>The chosen <see cref="ErrorMetric"/> over the pooled out-of-fold predictions of the cross-validation.</summary>
    CrossValidationError,
}
