namespace ScalingLaws.Fitting;

/// <summary>How the multi-start went.</summary>
/// <param name="Tried">Starts run.</param>
/// <param name="Converged">Starts that met a convergence test.</param>
/// <param name="ReachedBest">Starts whose objective is within <see cref="FitOptions.SameOptimumTolerance"/> (relative) of the best.</param>
/// <param name="BestIndex">Index of the start that gave the chosen result (ties go to the lowest index).</param>
public sealed record StartSummary(int Tried, int Converged, int ReachedBest, int BestIndex);
