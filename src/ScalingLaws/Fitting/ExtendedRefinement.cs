namespace ScalingLaws.Fitting;

/// <summary>The outcome of <see cref="ExtendedPrecisionRefinement.Refine"/>.</summary>
/// <param name="Theta">All parameters (fixed included), refined in double-double and rounded to double.</param>
/// <param name="Residuals">Weighted residuals √wᵢ·rᵢ at the refined point, computed in double-double and rounded.</param>
/// <param name="ResidualSumOfSquares">Σ wᵢrᵢ², summed in double-double and rounded.</param>
internal sealed record ExtendedRefinement(double[] Theta, double[] Residuals, double ResidualSumOfSquares);
