namespace ScalingLaws.Optimization.Mixtures;

/// <summary>The kinds of constraint of a mixture optimisation (besides Σh = 1).</summary>
public enum ConstraintKind
{
    /// <summary>hⱼ ≥ lower bound.</summary>
    LowerBound,

    /// <summary>hⱼ ≤ upper bound.</summary>
    UpperBound,

    /// <summary>hⱼ·D ≤ Uⱼ × max epochs.</summary>
    DataAvailability,

    /// <summary>A predicted loss ≤ its limit.</summary>
    LossLimit,
}
