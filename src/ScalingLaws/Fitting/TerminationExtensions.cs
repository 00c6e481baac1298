namespace ScalingLaws.Fitting;

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
