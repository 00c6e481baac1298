using ScalingLaws.Optimization.Compute;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>Where a law variable takes its value from during mixture optimisation.</summary>
public enum VariableSource
{
    /// <summary>The weight of one training domain, hⱼ (effective weight when repetition is priced in).</summary>
    Weight,

    /// <summary>The model size N of the <see cref="TrainingBudget"/>.</summary>
    ModelSize,

    /// <summary>The training tokens D of the <see cref="TrainingBudget"/> (effective tokens when repetition is priced in).</summary>
    Tokens,

    /// <summary>A fixed value.</summary>
    Constant,
}
