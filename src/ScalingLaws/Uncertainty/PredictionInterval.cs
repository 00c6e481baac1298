using MathNet.Numerics.Distributions;
using ScalingLaws.Fitting;

namespace ScalingLaws.Uncertainty;

/// <summary>
/// A delta-method prediction interval for one new run: the fitted law's value f(x; θ̂) with the parameter
/// uncertainty gᵀΣg (g = ∂f/∂θ over the free parameters, Σ their covariance) and the run-to-run scatter σ̂²
/// (the fit's residual variance) combined in the fit's residual space: linear, f ± z·√(gᵀΣg + σ̂²); log,
/// f·exp(±z·√(gᵀΣg/f² + σ̂²)), z the standard normal quantile of (1 + level)/2. The delta method needs only the
/// saved fit (no data or refits), so <c>predict</c> can give it for any point; it is first-order in θ, so it
/// can be narrow where the law is strongly non-linear in θ across the covariance.
/// </summary>
/// <param name="Prediction">f(x; θ̂).</param>
/// <param name="Lower">Lower end (NaN when the covariance is unavailable).</param>
/// <param name="Upper">Upper end (NaN when the covariance is unavailable).</param>
/// <param name="Level">Nominal coverage, e.g. 0.95.</param>
public sealed record PredictionInterval(double Prediction, double Lower, double Upper, double Level)
{
    /// <summary>The interval at <paramref name="x"/> for the law with <paramref name="parameters"/> and their <paramref name="covariance"/>.</summary>
    /// <param name="law">The law.</param>
    /// <param name="parameters">Fitted values, in the law's order.</param>
    /// <param name="covariance">Covariance of the free parameters (named), with the residual variance.</param>
    /// <param name="space">The fit's residual space.</param>
    /// <param name="x">The point, in the law's variable order.</param>
    /// <param name="level">Nominal coverage in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not in (0, 1).</exception>
    public static PredictionInterval Delta(IScalingLaw law, ReadOnlySpan<double> parameters, ParameterCovariance covariance,
        ResidualSpace space, ReadOnlySpan<double> x, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(covariance);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie in (0, 1).");
        var gradient = new double[parameters.Length];
        double f = law.EvaluateWithGradient(parameters, x, gradient);
        if (!covariance.IsAvailable) return new(f, double.NaN, double.NaN, level);
        var index = covariance.Names.Select(n => law.Parameters.IndexOf(law.Parameters.First(p => p.Name == n))).ToArray();
        double variance = 0;
        for (int a = 0; a < index.Length; a++)
            for (int b = 0; b < index.Length; b++) variance += gradient[index[a]] * covariance[a, b] * gradient[index[b]];
        double z = Normal.InvCDF(0, 1, (1 + level) / 2);
        if (space == ResidualSpace.Log)
        {
            double s = Math.Sqrt(variance / (f * f) + covariance.ResidualVariance);
            return new(f, f * Math.Exp(-z * s), f * Math.Exp(z * s), level);
        }
        double se = Math.Sqrt(variance + covariance.ResidualVariance);
        return new(f, f - z * se, f + z * se, level);
    }
}
