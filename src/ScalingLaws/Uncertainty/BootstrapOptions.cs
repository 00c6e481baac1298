using ScalingLaws.Fitting;

namespace ScalingLaws.Uncertainty;

/// <summary>
/// Options of <see cref="Bootstrap"/> and <see cref="ScalingLaws.Optimization.Bootstrapping.BootstrapOptimum"/>. Every replicate draws its rows with
/// its own seed, derived from <see cref="Seed"/> and the replicate index, so results do not depend on the
/// thread count.
/// </summary>
public sealed record BootstrapOptions
{
    /// <summary>Default options.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <summary>Number of replicates. Default 1,000.</summary>
    public int Replicates { get; init; } = 1000;

    /// <summary>Seed from which each replicate's seed is derived. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Coverage of the percentile intervals. Default 0.95.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Replicates run in parallel on this many threads; -1 (default) uses all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Starts of each refit besides the warm start at the full fit's parameters: θ̂ⱼ + max(0.1·|θ̂ⱼ|, 0.05)·zⱼ with
    /// zⱼ standard normal (seeded per replicate), clamped into the bounds. Default 0 (warm start only).
    /// </summary>
    public int ExtraStarts { get; init; }

    /// <summary>
    /// Whether the fits of an ensemble share the resampled rows (row i of every fit's data is the same run, as when
    /// one table gives several losses). Default true; the data sets must then have equal row counts.
    /// </summary>
    public bool ShareRows { get; init; } = true;

    /// <summary>
    /// Options of each refit; null (default) uses the full fit's options with its resolved loss and residual space,
    /// no screening, one thread and no covariance. Starts and initial values are always set by the bootstrap.
    /// </summary>
    public FitOptions? FitOptions { get; init; }

    /// <summary>
    /// Receives the number of replicates finished so far (1, 2, …, <see cref="Replicates"/>, in completion order,
    /// from worker threads). Default null (no reports). It does not change the result.
    /// </summary>
    public IProgress<int>? Progress { get; init; }

    internal void Validate()
    {
        if (Replicates < 1) throw new ArgumentOutOfRangeException(nameof(Replicates), Replicates, "At least one replicate is needed.");
        if (!(Level > 0 && Level < 1)) throw new ArgumentOutOfRangeException(nameof(Level), Level, "The level must lie in (0, 1).");
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be -1 (all cores) or ≥ 1.");
        if (ExtraStarts < 0) throw new ArgumentOutOfRangeException(nameof(ExtraStarts), ExtraStarts, "Must be ≥ 0.");
    }
}
