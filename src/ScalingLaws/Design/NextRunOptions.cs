namespace ScalingLaws.Design;

/// <summary>Settings of <see cref="NextRuns"/>.</summary>
public sealed record NextRunOptions
{
    /// <summary>Number of runs K to propose. Default 4.</summary>
    public int Count { get; init; } = 4;

    /// <summary>
    /// Whether candidates are ranked by expected variance reduction per FLOP (6·N·D) instead of per run. Default false.
    /// </summary>
    public bool PerCompute { get; init; }

    /// <summary>The belief the candidates are scored under. Default <see cref="NextRunCriterion.Linearised"/>.</summary>
    public NextRunCriterion Criterion { get; init; } = NextRunCriterion.Linearised;

    /// <summary>Coverage of the decision's percentile interval. Default 0.95.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Seed of the per-replicate mixture searches (weights decisions). Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Replicates evaluated in parallel on this many threads; -1 (default) uses all cores. The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
