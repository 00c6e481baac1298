using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>
/// How a law is fitted by default: the robust loss, the residual space and the starting points, as
/// the law's paper fits it. <see cref="FitOptions"/> given by the user override each part.
/// </summary>
/// <param name="Loss">Robust loss, e.g. <c>HuberLoss(1e-3)</c> for Chinchilla.</param>
/// <param name="Space">Residual space, e.g. <see cref="ResidualSpace.Log"/> for Chinchilla.</param>
/// <param name="Starts">Starting points, e.g. Hoffmann's 4,500-point grid.</param>
/// <param name="Screening">
/// Screening of the starts when the options keep the default (<see cref="FitOptions.Screening"/> equal to
/// <c>new StartScreening()</c>); null: the options' screening.
/// </param>
public sealed record FitRecipe(RobustLoss Loss, ResidualSpace Space, StartPoints Starts, StartScreening? Screening = null)
{
    /// <summary>Least squares on linear residuals from a single start.</summary>
    public static FitRecipe Default { get; } = new(SquaredLoss.Instance, ResidualSpace.Linear, StartPoints.Single);

    /// <summary>
    /// Parameters the law fixes by default to pin a gauge (a direction along which the law is unchanged on
    /// its domain), e.g. the reference domain's t = 0 of the data-mixing law. Applied unless the options fix
    /// or bound that parameter themselves. Default empty.
    /// </summary>
    public ImmutableDictionary<string, double> Fixed { get; init; } = ImmutableDictionary<string, double>.Empty;
}
