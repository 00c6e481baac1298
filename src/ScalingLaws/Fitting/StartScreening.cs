namespace ScalingLaws.Fitting;

/// <summary>
/// Two-phase multi-start for large start sets: every start first runs at most
/// <see cref="Iterations"/> trial steps; the <see cref="Survivors"/> lowest objectives among the starts
/// that have not yet converged then continue to convergence. A start that converges in the first phase
/// is final. Used only when there are more than <see cref="Survivors"/> starts.
/// </summary>
/// <param name="Iterations">Trial steps per start in the first phase (≥ 1).</param>
/// <param name="Survivors">Starts continued in the second phase (≥ 1).</param>
public sealed record StartScreening(int Iterations = 10, int Survivors = 64)
{
    /// <summary>
    /// When true and the loss is robust, each survivor continues through <see cref="LossContinuation"/>: first
    /// to convergence under the same loss at the residuals' own scale, then under the fit's loss from
    /// there. Default false (each survivor runs under the fit's loss directly).
    /// </summary>
    public bool Continuation { get; init; }

    /// <summary>
    /// With <see cref="Continuation"/>: trial steps at most per relaxed stage (a relaxed stage only guides the next one;
    /// the final stage runs to the fit's own termination). Default 0: no limit but the options' maximum.
    /// </summary>
    public int StageIterations { get; init; }
}
