namespace ScalingLaws.Optimization.Continual;

/// <summary>What the search for the critical mixture ratio found.</summary>
public enum CriticalMixtureRatioStatus
{
    /// <summary>The general loss crosses the limit inside (0, 1); the ratio is the crossing below which shares are feasible.</summary>
    Crossing,

    /// <summary>Every scanned share, 1 included, meets the limit; the ratio is 1.</summary>
    AllFeasible,

    /// <summary>Share 1 meets the limit but some smaller share does not (the loss is not monotone); the ratio is 1.</summary>
    UpperBoundFeasible,

    /// <summary>No share in [0, 1] meets the limit; there is no ratio.</summary>
    Infeasible,
}
