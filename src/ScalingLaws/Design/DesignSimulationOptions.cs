using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Design;

/// <summary>Settings of <see cref="DesignSimulation"/>: a known law, a candidate set and the decision to get right.</summary>
public sealed record DesignSimulationOptions
{
    /// <summary>The true law. Required.</summary>
    public required IScalingLaw Law { get; init; }

    /// <summary>Its true parameters, in the law's order. Required.</summary>
    public required ImmutableArray<double> Truth { get; init; }

    /// <summary>The runs that may be trained (both strategies draw from it). Required.</summary>
    public required RunPlan Candidates { get; init; }

    /// <summary>The decision whose error is measured and whose uncertainty the chosen runs reduce. Required.</summary>
    public required DecisionTarget Target { get; init; }

    /// <summary>Runs of the initial random design. Default 8.</summary>
    public int InitialRuns { get; init; } = 8;

    /// <summary>Runs added after the initial design. Default 16.</summary>
    public int AddedRuns { get; init; } = 16;

    /// <summary>Runs added per round (one fit and one bootstrap per round). Default 2.</summary>
    public int BatchSize { get; init; } = 2;

    /// <summary>Relative noise σ of an observed loss: L·exp(σ·z). Default 0.01.</summary>
    public double Noise { get; init; } = 0.01;

    /// <summary>The criterion of the chosen runs. Default <see cref="NextRunCriterion.Linearised"/> (which needs no bootstrap).</summary>
    public NextRunCriterion Criterion { get; init; } = NextRunCriterion.Linearised;

    /// <summary>Whether the chosen runs are ranked by benefit per FLOP (6·N·D) rather than per run. Default false.</summary>
    public bool PerCompute { get; init; }

    /// <summary>Bootstrap replicates per round (<see cref="NextRunCriterion.Ensemble"/> only). Default 64.</summary>
    public int Replicates { get; init; } = 64;

    /// <summary>Number of simulated users (seeds 0 … Seeds − 1). Default 20.</summary>
    public int Seeds { get; init; } = 20;

    /// <summary>Options of every fit (null: the law's recipe); after the first round the fit also tries a warm start from the previous round and keeps the lower objective.</summary>
    public FitOptions? FitOptions { get; init; }

    /// <summary>Seeds and strategies simulated in parallel on this many threads; the result does not depend on it. Default -1 (all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
