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

/// <summary>Helpers on <see cref="Termination"/>.</summary>
public static class TerminationExtensions
{
    /// <summary>True for the stopping tests that mean convergence to a stationary point.</summary>
    public static bool IsConverged(this Termination t) =>
        t is Termination.CostTolerance or Termination.StepTolerance or Termination.GradientTolerance
            or Termination.ZeroResidual or Termination.NoFurtherProgress or Termination.Stalled;

    /// <summary>A sentence saying why the fit stopped.</summary>
    public static string Describe(this Termination t) => t switch
    {
        Termination.CostTolerance => "converged: relative reduction of the objective below the cost tolerance",
        Termination.StepTolerance => "converged: relative step below the step tolerance",
        Termination.GradientTolerance => "converged: scaled gradient below the gradient tolerance",
        Termination.ZeroResidual => "converged: zero residuals",
        Termination.NoFurtherProgress => "converged: no step reduces the objective at machine precision",
        Termination.Stalled => "converged: the objective stopped improving (stalled), but the parameters drift along a direction the data do not determine",
        Termination.MaxIterations => "not converged: maximum number of iterations reached",
        Termination.Cancelled => "cancelled",
        Termination.InvalidStart => "failed: the model is not finite (or not positive in log space) at every start",
        Termination.NonFiniteJacobian => "failed: the Jacobian is not finite at the current point",
        _ => t.ToString(),
    };
}
