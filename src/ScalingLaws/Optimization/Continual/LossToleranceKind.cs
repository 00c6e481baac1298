namespace ScalingLaws.Optimization.Continual;

/// <summary>How a <see cref="LossTolerance"/> turns the pre-training loss L₀ into a limit.</summary>
public enum LossToleranceKind
{
    /// <summary>Limit L₀ + ε (CMR, Gu et al. 2024, Eq. 1).</summary>
    Absolute,

    /// <summary>Limit (1 + T)·L₀ (D-CPT, Que et al. 2024, usage 1).</summary>
    Relative,
}
