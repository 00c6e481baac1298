namespace ScalingLaws.Fitting;

/// <summary>
/// Continuation in the scale of a robust loss. With a scale far below the residuals (e.g. Huber δ = 10⁻³
/// against residuals of 10⁻²) almost every row sits in the loss's linear zone, the reweighted
/// Gauss–Newton model overstates the curvature and Levenberg–Marquardt converges only linearly, over
/// hundreds of steps. From a start, this runs LM first under the same loss family at the residuals' own
/// scale, s₁ = 1.345·σ̂ with σ̂ = 1.4826·median|rᵢ| (Huber's 95 %-efficiency constant on the median
/// absolute residual, so gross outliers still weigh linearly), where most rows are quadratic and LM
/// converges in a few dozen steps; then, from that optimum, under the fit's own loss, which now starts
/// next to its minimum. The fit's objective and its minimiser are those of the fit's loss; only the
/// path changes. Skipped (a plain run) for the squared loss, or when s₁ is under twice the loss's scale.
/// </summary>
internal static class LossContinuation
{
    /// <summary>Huber's tuning constant: 95 % efficiency at the normal.</summary>
    private const double Tuning = 1.345;

    /// <summary>σ of a normal over its median absolute value.</summary>
    private const double MedianToSigma = 1.4826;

    /// <summary>
    /// Runs <paramref name="solver"/> (built for <paramref name="problem"/>) from <paramref name="start"/> after
    /// the relaxed stage; returns the fit loss's objective, termination and the trial steps of both stages.
    /// </summary>
    public static (double Objective, Termination Termination, int Iterations) Run(FitProblem problem, LmSolver solver,
        double[] start, CancellationToken cancellation)
    {
        var relaxed = Relaxed(problem, solver, start);
        if (relaxed is null) return solver.Run(start, cancellation);
        var stage = new LmSolver(problem.WithLoss(relaxed));
        var (objective, termination, stageIterations) = stage.Run(start, cancellation);
        var from = double.IsFinite(objective) && termination != Termination.InvalidStart && termination != Termination.Cancelled
            ? stage.Theta.ToArray() : start;
        var (final, finalTermination, iterations) = solver.Run(from, cancellation);
        return (final, finalTermination, iterations + stageIterations);
    }

    /// <summary>The loss at scale s₁ (see the class remarks), or null when the stage would not help.</summary>
    private static RobustLoss? Relaxed(FitProblem problem, LmSolver solver, double[] start)
    {
        double scale = problem.Loss switch
        {
            HuberLoss h => h.Delta,
            SoftL1Loss s => s.Scale,
            CauchyLoss c => c.Scale,
            _ => double.NaN,
        };
        if (!double.IsFinite(scale)) return null;
        int n = problem.Data.Count;
        var residuals = new double[n];
        if (!solver.Residuals(start, residuals, new double[n])) return null;
        for (int i = 0; i < n; i++) residuals[i] = Math.Abs(residuals[i]);
        Array.Sort(residuals);
        double median = n % 2 == 1 ? residuals[n / 2] : 0.5 * (residuals[n / 2 - 1] + residuals[n / 2]);
        double relaxed = Tuning * MedianToSigma * median;
        if (!(relaxed >= 2 * scale) || !double.IsFinite(relaxed)) return null;
        return problem.Loss switch
        {
            HuberLoss => new HuberLoss(relaxed),
            SoftL1Loss => new SoftL1Loss(relaxed),
            _ => new CauchyLoss(relaxed),
        };
    }
}
