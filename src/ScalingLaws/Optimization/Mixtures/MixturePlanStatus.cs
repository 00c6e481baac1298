namespace ScalingLaws.Optimization.Mixtures;

/// <summary>How a mixture optimisation ended.</summary>
public enum MixturePlanStatus
{
    /// <summary>A feasible point whose KKT residual is within <see cref="MixtureOptimizerOptions.KktTolerance"/>.</summary>
    Optimal,

    /// <summary>A feasible point, but the local method stopped before the KKT residual met the tolerance (the weights are still the best found).</summary>
    NotConverged,

    /// <summary>No point satisfies every constraint; <see cref="MixturePlan.ViolatedConstraints"/> names the ones that fail.</summary>
    Infeasible,
}
