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
            or Termination.ZeroResidual or Termination.NoFurtherProgress;

    /// <summary>A sentence saying why the fit stopped.</summary>
    public static string Describe(this Termination t) => t switch
    {
        Termination.CostTolerance => "converged: relative reduction of the objective below the cost tolerance",
        Termination.StepTolerance => "converged: relative step below the step tolerance",
        Termination.GradientTolerance => "converged: scaled gradient below the gradient tolerance",
        Termination.ZeroResidual => "converged: zero residuals",
        Termination.NoFurtherProgress => "converged: no step reduces the objective at machine precision",
        Termination.MaxIterations => "not converged: maximum number of iterations reached",
        Termination.Cancelled => "cancelled",
        Termination.InvalidStart => "failed: the model is not finite (or not positive in log space) at every start",
        Termination.NonFiniteJacobian => "failed: the Jacobian is not finite at the current point",
        _ => t.ToString(),
    };
}
