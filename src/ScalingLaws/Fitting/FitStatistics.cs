namespace ScalingLaws.Fitting;

/// <summary>
/// Goodness-of-fit statistics at the solution. Residuals rᵢ are in the fit's residual space and
/// include √wᵢ; MAE and MRE are on the target's own scale (|f − y| and |f − y| / |y|).
/// </summary>
/// <param name="Count">Number of rows n.</param>
/// <param name="FreeParameters">Number of free (not fixed) parameters k.</param>
/// <param name="DegreesOfFreedom">n − k.</param>
/// <param name="ResidualSumOfSquares">RSS = Σ rᵢ².</param>
/// <param name="RootMeanSquareError">√(RSS / n).</param>
/// <param name="RSquared">1 − RSS / Σ (zᵢ − z̄)², z the targets in the residual space.</param>
/// <param name="Aic">Akaike: n·ln(RSS/n) + 2k.</param>
/// <param name="Bic">Bayesian: n·ln(RSS/n) + k·ln n.</param>
/// <param name="MeanAbsoluteError">mean |fᵢ − yᵢ|.</param>
/// <param name="MeanRelativeError">mean |fᵢ − yᵢ| / |yᵢ|.</param>
public sealed record FitStatistics(
    int Count, int FreeParameters, int DegreesOfFreedom, double ResidualSumOfSquares, double RootMeanSquareError,
    double RSquared, double Aic, double Bic, double MeanAbsoluteError, double MeanRelativeError);
