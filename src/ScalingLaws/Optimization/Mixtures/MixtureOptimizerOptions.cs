using System.Collections.Immutable;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// Options of <see cref="MixtureOptimizer"/>. The search evaluates <see cref="Samples"/> seeded random
/// mixtures on the feasible set (the global safeguard), runs the local method from the
/// <see cref="Starts"/> best of them, and keeps the best feasible local optimum.
/// </summary>
public sealed record MixtureOptimizerOptions
{
    /// <summary>Default options.</summary>
    public static MixtureOptimizerOptions Default { get; } = new();

    /// <summary>
    /// Random mixtures evaluated before the local search: Dirichlet samples with concentrations 1 (half),
    /// 0.2 and 5 (a quarter each), projected onto the bounded simplex; plus the centre, the vertices and the
    /// baselines. Default 2,048; 0 keeps only the deterministic candidates.
    /// </summary>
    public int Samples { get; init; } = 2048;

    /// <summary>Local searches, from the best distinct candidates (∞-distance ≥ 10⁻³ apart). Default 8.</summary>
    public int Starts { get; init; } = 8;

    /// <summary>Seed of the random mixtures. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Iterations of one projected-gradient run. Default 5,000.</summary>
    public int MaxIterations { get; init; } = 5000;

    /// <summary>Augmented-Lagrangian outer iterations (only with loss constraints or a worst-loss objective). Default 50.</summary>
    public int MaxOuterIterations { get; init; } = 50;

    /// <summary>A projected-gradient run stops when ‖P(z − ∇Φ) − z‖∞ ≤ this. Default 1e-11.</summary>
    public double StationarityTolerance { get; init; } = 1e-11;

    /// <summary>A plan is <see cref="MixturePlanStatus.Optimal"/> when its KKT residual is at most this. Default 1e-6.</summary>
    public double KktTolerance { get; init; } = 1e-6;

    /// <summary>A loss constraint counts as satisfied up to this excess (nats/token). Default 1e-8.</summary>
    public double ConstraintTolerance { get; init; } = 1e-8;

    /// <summary>A bound or loss limit is reported active when within this distance. Default 1e-7.</summary>
    public double ActiveTolerance { get; init; } = 1e-7;

    /// <summary>Threads for the local searches; -1 (default) uses all cores. Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Extra candidate mixtures (one weight per domain each), e.g. a previous optimum. Default none.</summary>
    public ImmutableArray<ImmutableArray<double>> InitialWeights { get; init; } = ImmutableArray<ImmutableArray<double>>.Empty;

    internal void Validate()
    {
        if (Samples < 0) throw new ArgumentOutOfRangeException(nameof(Samples), Samples, "Samples must be ≥ 0.");
        if (Starts < 1) throw new ArgumentOutOfRangeException(nameof(Starts), Starts, "Starts must be ≥ 1.");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be ≥ 1.");
        if (MaxOuterIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxOuterIterations), MaxOuterIterations, "MaxOuterIterations must be ≥ 1.");
        if (!(StationarityTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(StationarityTolerance), StationarityTolerance, "Must be ≥ 0.");
        if (!(KktTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(KktTolerance), KktTolerance, "Must be ≥ 0.");
        if (!(ConstraintTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(ConstraintTolerance), ConstraintTolerance, "Must be ≥ 0.");
        if (!(ActiveTolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(ActiveTolerance), ActiveTolerance, "Must be ≥ 0.");
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be -1 (all cores) or ≥ 1.");
    }
}
