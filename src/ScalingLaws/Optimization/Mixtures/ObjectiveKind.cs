namespace ScalingLaws.Optimization.Mixtures;

/// <summary>What a mixture optimisation minimises.</summary>
public enum ObjectiveKind
{
    /// <summary>One loss (e.g. the Pile-CC validation loss).</summary>
    Target,

    /// <summary>Σᵢ wᵢ·Lᵢ over several losses with given weights (e.g. validation-set weights).</summary>
    WeightedSum,

    /// <summary>maxᵢ Lᵢ: the worst of several losses (minimax).</summary>
    Worst,
}
