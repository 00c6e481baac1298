namespace ScalingLaws.Fitting;

/// <summary>
/// Continuation in the scale of a robust loss. With a scale far below the residuals (e.g. Huber δ = 10⁻³
/// against residuals of 10⁻²) almost every row sits in the loss's linear zone, the reweighted
/// Gauss–Newton model overstates the curvature and Levenberg–Marquardt converges only linearly, over
/// hundreds to thousands of steps. From a start, this runs LM under the same loss family first at the
/// residuals' own scale, s₁ = 1.345·σ̂ with σ̂ = 1.4826·median|rᵢ| (Huber's 95 %-efficiency constant on
/// the median absolute residual, so gross outliers still weigh linearly), where most rows are quadratic
/// and LM converges in a few dozen steps; then at s₁/4, s₁/16, … while the scale exceeds twice the fit's,
/// each stage from the previous optimum (following the optimum as the scale shrinks); finally under the
/// fit's own loss, which now starts next to its minimum. The objective and its minimiser are those of the
/// fit's loss; only the path changes. A plain run for the squared loss, or when s₁ is under twice the
/// loss's scale. A relaxed stage only guides the next one, so it may be given a budget of trial steps
/// (<see cref="StartScreening.StageIterations"/>) after which it hands on where it stands: a start in a
/// long valley of a relaxed loss would otherwise creep along it for tens of thousands of steps.
/// </summary>
internal static class LossContinuation
{
    /// <summary>Huber's tuning constant: 95 % efficiency at the normal.</summary>
    private const double Tuning = 1.345;

    /// <summary>σ of a normal over its median absolute value.</summary>
    private const double MedianToSigma = 1.4826;

    /// <summary>Ratio of one stage's scale to the next.</summary>
    private const double Step = 4;

    /// <summary>
    /// Runs <paramref name="solver"/> (built for <paramref name="problem"/>) from <paramref name="start"/> after
    /// the relaxed stages, each of at most <paramref name="stageIterations"/> trial steps, and a final stage of at most
    /// <paramref name="finalIterations"/> (either: the options' maximum when not positive); returns the fit loss's objective, termination
    /// and the trial steps of all stages.
    /// </summary>
    public static (double Objective, Termination Termination, int Iterations) Run(FitProblem problem, LmSolver solver,
        double[] start, CancellationToken cancellation, int stageIterations = -1, int finalIterations = -1)
    {
        var from = start;
        int relaxedIterations = 0;
        foreach (var relaxed in RelaxedLosses(problem, solver, start))
        {
            var stage = new LmSolver(problem.WithLoss(relaxed), LmSolver.BlockRows(problem.Data.Count));
            var (objective, termination, iterations) = stage.Run(from, cancellation, stageIterations > 0 ? Math.Min(stageIterations, problem.Options.MaxIterations) : -1);
            relaxedIterations += iterations;
            if (double.IsFinite(objective) && termination != Termination.InvalidStart && termination != Termination.Cancelled)
                from = stage.Theta.ToArray();
        }
        var (final, finalTermination, iterationsOfFinal) = solver.Run(from, cancellation, finalIterations);
        return (final, finalTermination, iterationsOfFinal + relaxedIterations);
    }

    /// <summary>The relaxed stages' losses from <paramref name="start"/>: s₁, s₁/4, … while at least twice the fit's scale (none for the squared loss).</summary>
    internal static IEnumerable<RobustLoss> RelaxedLosses(FitProblem problem, LmSolver solver, double[] start)
    {
        for (var relaxed = Relaxed(problem, solver, start); relaxed is not null; relaxed = Shrink(problem.Loss, relaxed))
            yield return relaxed;
    }

    /// <summary>The next stage's loss: the scale divided by <see cref="Step"/>, or null once it is within twice the fit's.</summary>
    private static RobustLoss? Shrink(RobustLoss loss, RobustLoss relaxed)
    {
        double target = Scale(loss), scale = Scale(relaxed) / Step;
        return scale >= 2 * target ? WithScale(loss, scale) : null;
    }

    private static double Scale(RobustLoss loss) => loss switch
    {
        HuberLoss h => h.Delta,
        SoftL1Loss s => s.Scale,
        CauchyLoss c => c.Scale,
        _ => double.NaN,
    };

    private static RobustLoss WithScale(RobustLoss loss, double scale) => loss switch
    {
        HuberLoss => new HuberLoss(scale),
        SoftL1Loss => new SoftL1Loss(scale),
        _ => new CauchyLoss(scale),
    };

    /// <summary>The loss at scale s₁ (see the class remarks), or null when the stage would not help.</summary>
    private static RobustLoss? Relaxed(FitProblem problem, LmSolver solver, double[] start)
    {
        double scale = Scale(problem.Loss);
        if (!double.IsFinite(scale)) return null;
        int n = problem.Data.Count;
        var residuals = new double[n];
        var evaluator = solver.System.Evaluator;
        int block = evaluator.BlockCapacity;
        var predictions = new double[Math.Min(block, n)];
        for (int first = 0; first < n; first += block)
        {
            int count = Math.Min(block, n - first);
            if (!evaluator.Residuals(start, first, count, residuals.AsSpan(first, count), predictions.AsSpan(0, count))) return null;
        }
        for (int i = 0; i < n; i++) residuals[i] = Math.Abs(residuals[i]);
        Array.Sort(residuals);
        double median = n % 2 == 1 ? residuals[n / 2] : 0.5 * (residuals[n / 2 - 1] + residuals[n / 2]);
        double relaxed = Tuning * MedianToSigma * median;
        return relaxed >= 2 * scale && double.IsFinite(relaxed) ? WithScale(problem.Loss, relaxed) : null;
    }
}
