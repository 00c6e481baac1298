using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>One law's line in a <see cref="LawComparisonResult"/>.</summary>
public sealed record LawComparisonRow
{
    /// <summary>1 for the best law; laws whose fit did not converge rank after all that did.</summary>
    public required int Rank { get; init; }

    /// <summary>The candidate's label.</summary>
    public required string Label { get; init; }

    /// <summary>The law.</summary>
    public required IScalingLaw Law { get; init; }

    /// <summary>The fit on all compared rows.</summary>
    public required FitResult Fit { get; init; }

    /// <summary>Rows fitted, n (the same for every law).</summary>
    public int Count => Fit.Statistics.Count;

    /// <summary>Free (not fixed) parameters, k.</summary>
    public int FreeParameters => Fit.Statistics.FreeParameters;

    /// <summary>The fit's own objective Σ ½ρ(r²) (comparable across laws only when they share loss and space).</summary>
    public double Objective => Fit.Objective;

    /// <summary>Σ r² of the fit's residuals in <see cref="LawComparisonOptions.InformationSpace"/>.</summary>
    public required double ResidualSumOfSquares { get; init; }

    /// <summary>n·ln(RSS/n) + 2k.</summary>
    public required double Aic { get; init; }

    /// <summary>AIC + 2k(k + 1)/(n − k − 1); NaN when n ≤ k + 1.</summary>
    public required double Aicc { get; init; }

    /// <summary>n·ln(RSS/n) + k·ln n.</summary>
    public required double Bic { get; init; }

    /// <summary>AIC minus the smallest AIC among usable fits.</summary>
    public required double DeltaAic { get; init; }

    /// <summary>BIC minus the smallest BIC among usable fits.</summary>
    public required double DeltaBic { get; init; }

    /// <summary>Akaike weight exp(−ΔAIC/2) / Σ exp(−ΔAIC/2) over usable fits (0 for unusable ones).</summary>
    public required double AkaikeWeight { get; init; }

    /// <summary>In-sample errors of the fit on all compared rows.</summary>
    public required PredictionMetrics InSample { get; init; }

    /// <summary>The hold-out, when the comparison has a split.</summary>
    public HoldOutResult? HeldOut { get; init; }

    /// <summary>The cross-validation, when the comparison has folds.</summary>
    public CrossValidationResult? CrossValidated { get; init; }

    /// <summary>The value of the ranking criterion (smaller is better).</summary>
    public required double Score { get; init; }

    /// <summary>Whether the fit on all rows (and the hold-out and folds, when present) converged.</summary>
    public bool IsUsable => Fit.IsUsable && (HeldOut?.IsUsable ?? true) && (CrossValidated?.AllUsable ?? true);
}
