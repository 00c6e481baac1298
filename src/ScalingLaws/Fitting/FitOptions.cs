using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>
/// Options of a fit. Every member has a documented default; <c>null</c> for <see cref="Loss"/>,
/// <see cref="Space"/> or <see cref="Starts"/> means "the law's recipe" (<see cref="IScalingLaw.DefaultRecipe"/>).
/// Stopping tests (MINPACK-style, on the free parameters, after each accepted step):
/// <list type="bullet">
/// <item><b>cost</b>: actual and predicted relative reductions of the objective are both ≤ <see cref="CostTolerance"/>;</item>
/// <item><b>step</b>: ‖D·δ‖ ≤ <see cref="StepTolerance"/>·(‖D·θ‖ + <see cref="StepTolerance"/>), D the Marquardt scaling;</item>
/// <item><b>gradient</b>: maxⱼ |J̃ⱼᵀr̃| / (‖J̃ⱼ‖·‖r̃‖) ≤ <see cref="GradientTolerance"/> (the cosine test of MINPACK);</item>
/// <item><b>zero residual</b>: the objective is exactly 0;</item>
/// <item><b>stall</b>: over the last <see cref="StallWindow"/> trial steps the objective fell by at most
/// <see cref="StallTolerance"/> of itself (a valley in which the parameters drift without improving the fit).</item>
/// </list>
/// </summary>
public sealed record FitOptions
{
    /// <summary>Default options.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>Relative reduction of the objective below which the fit stops. Default 1e-15.</summary>
    public double CostTolerance { get; init; } = 1e-15;

    /// <summary>Relative step size below which the fit stops. Default 1e-12.</summary>
    public double StepTolerance { get; init; } = 1e-12;

    /// <summary>Scaled gradient (cosine) below which the fit stops. Default 1e-12.</summary>
    public double GradientTolerance { get; init; } = 1e-12;

    /// <summary>
    /// Trial steps over which the objective must fall by more than <see cref="StallTolerance"/> (relative)
    /// for the fit to go on; 0 turns the test off. Default 2,000.
    /// </summary>
    public int StallWindow { get; init; } = 2_000;

    /// <summary>Relative fall of the objective over <see cref="StallWindow"/> trial steps at or below which the fit stops as stalled. Default 1e-8.</summary>
    public double StallTolerance { get; init; } = 1e-6;

    /// <summary>Maximum trial steps (accepted or rejected) per start. Default 50,000 (a hard problem such as NIST MGH10 from its far start needs about 22,000).</summary>
    public int MaxIterations { get; init; } = 50_000;

    /// <summary>
    /// Geodesic acceleration (Transtrum and Sethna, 2012): add ½a to each step v, a from a second
    /// directional derivative of the residuals (finite difference, h = 0.1), and reject steps with
    /// 2‖D·a‖ &gt; 0.75‖D·v‖. Costs one extra model evaluation per step; keeps parameters from running
    /// into flat regions (BoxBOD, MGH10). Default true.
    /// </summary>
    public bool GeodesicAcceleration { get; init; } = true;

    /// <summary>Robust loss; <c>null</c> (default) uses the law's recipe.</summary>
    public RobustLoss? Loss { get; init; }

    /// <summary>Residual space; <c>null</c> (default) uses the law's recipe.</summary>
    public ResidualSpace? Space { get; init; }

    /// <summary>Starting points; <c>null</c> (default) uses the law's recipe.</summary>
    public StartPoints? Starts { get; init; }

    /// <summary>Initial values by parameter name, overriding the law's defaults. Default empty.</summary>
    public ImmutableDictionary<string, double> Initial { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Parameters held fixed at the given values. Default empty.</summary>
    public ImmutableDictionary<string, double> Fixed { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Bounds by parameter name, overriding the law's. Default empty.</summary>
    public ImmutableDictionary<string, (double Lower, double Upper)> Bounds { get; init; } =
        ImmutableDictionary<string, (double Lower, double Upper)>.Empty;

    /// <summary>Seed for random starts and anything else random. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Threads used by multi-start; -1 (default) uses all cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Screening of large start sets (see <see cref="StartScreening"/>); <c>null</c> runs every start
    /// to convergence. Default: 10 steps, then the best 64 continue.
    /// </summary>
    public StartScreening? Screening { get; init; } = new();

    /// <summary>Whether to compute the covariance of the best fit. Default true.</summary>
    public bool ComputeCovariance { get; init; } = true;

    /// <summary>Starts whose objective is within this relative distance of the best count as reaching it. Default 1e-6.</summary>
    public double SameOptimumTolerance { get; init; } = 1e-6;

    /// <summary>Receives the number of finished starts as they finish. Default none.</summary>
    public IProgress<int>? Progress { get; init; }

    /// <summary>Cancels the fit; a cancelled fit returns its best result so far marked <see cref="Termination.Cancelled"/>.</summary>
    public CancellationToken CancellationToken { get; init; }
}
