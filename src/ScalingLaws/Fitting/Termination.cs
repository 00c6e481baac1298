namespace ScalingLaws.Fitting;

/// <summary>Why a fit stopped.</summary>
public enum Termination
{
    /// <summary>Relative reduction of the objective fell below <see cref="FitOptions.CostTolerance"/>.</summary>
    CostTolerance,

    /// <summary>Relative step fell below <see cref="FitOptions.StepTolerance"/>.</summary>
    StepTolerance,

    /// <summary>Scaled gradient fell below <see cref="FitOptions.GradientTolerance"/>.</summary>
    GradientTolerance,

    /// <summary>The objective reached exactly zero.</summary>
    ZeroResidual,

    /// <summary>No step could reduce the objective further at machine precision (damping at its limit).</summary>
    NoFurtherProgress,

    /// <summary>
    /// The objective fell by at most <see cref="FitOptions.StallTolerance"/> (relative) over the last
    /// <see cref="FitOptions.StallWindow"/> trial steps: the fit is as good as it gets, but some
    /// combination of parameters is not determined by the data (its standard errors say which).
    /// </summary>
    Stalled,

    /// <summary><see cref="FitOptions.MaxIterations"/> was reached before any stopping test held.</summary>
    MaxIterations,

    /// <summary>The fit was cancelled through <see cref="FitOptions.CancellationToken"/>.</summary>
    Cancelled,

    /// <summary>The model or its Jacobian was not finite at the start (or f ≤ 0 in log space).</summary>
    InvalidStart,

    /// <summary>The Jacobian became non-finite at an accepted point.</summary>
    NonFiniteJacobian,
}
