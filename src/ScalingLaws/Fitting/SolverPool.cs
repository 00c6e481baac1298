namespace ScalingLaws.Fitting;

/// <summary>
/// The <see cref="LmSolver"/>s of one fit, reused by its phases (screening, the survivors' runs, the
/// summary) so that the solver's buffers are allocated once per thread rather than once per phase.
/// Each solver evaluates <c>blockRows</c> rows at a time. Thread-safe; a solver's state does not carry
/// from one use to the next.
/// </summary>
internal sealed class SolverPool(FitProblem problem, int blockRows)
{
    private readonly Stack<LmSolver> _free = new();

    /// <summary>A solver for the problem, new or returned earlier.</summary>
    public LmSolver Rent()
    {
        lock (_free) if (_free.TryPop(out var solver)) return solver;
        return new LmSolver(problem, blockRows);
    }

    /// <summary>Hands <paramref name="solver"/> back for reuse.</summary>
    public void Return(LmSolver solver)
    {
        lock (_free) _free.Push(solver);
    }
}
