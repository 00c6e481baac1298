using System.Collections.Immutable;

namespace ScalingLaws.Design;

/// <summary>
/// Decision error against the number of runs for chosen (<see cref="NextRuns"/>) and random additions, per seed.
/// Errors: L1 distance of the weights, |N̂_opt/N_opt − 1| for allocations, the largest relative error for losses.
/// </summary>
/// <param name="RunCounts">The numbers of runs at which the error was measured.</param>
/// <param name="Chosen">Errors with runs chosen by <see cref="NextRuns"/>: [seed][point].</param>
/// <param name="Random">Errors with runs drawn uniformly from the same candidates: [seed][point].</param>
public sealed record DesignSimulationResult(ImmutableArray<int> RunCounts, ImmutableArray<ImmutableArray<double>> Chosen,
    ImmutableArray<ImmutableArray<double>> Random)
{
    /// <summary>
    /// Runs each seed needs until the error is at most <paramref name="error"/> and stays so up to the last point;
    /// seeds that never get there count as the last run count + batch (censored).
    /// </summary>
    /// <param name="errors">Errors of one strategy ([seed][point]).</param>
    /// <param name="error">The error to reach.</param>
    public ImmutableArray<int> RunsToReach(ImmutableArray<ImmutableArray<double>> errors, double error)
    {
        int beyond = RunCounts[^1] + (RunCounts.Length > 1 ? RunCounts[^1] - RunCounts[^2] : 1);
        return errors.Select(curve =>
        {
            int needed = beyond;
            for (int p = curve.Length - 1; p >= 0 && curve[p] <= error; p--) needed = RunCounts[p];
            return needed;
        }).ToImmutableArray();
    }

    /// <summary>The median of <paramref name="values"/> (mean of the middle two for an even count).</summary>
    /// <param name="values">Values.</param>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        int h = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    }
}
