using System.Collections.Immutable;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>A baseline weight vector evaluated with the same model and objective as the optimum.</summary>
/// <param name="Baseline">The baseline.</param>
/// <param name="Losses">Predicted losses at its weights.</param>
/// <param name="ObjectiveValue">The objective at its weights.</param>
/// <param name="Gap">ObjectiveValue minus the optimum's objective (≥ 0 when the optimum is at least as good).</param>
/// <param name="Violations">Constraints it violates (descriptions); empty when feasible.</param>
public sealed record BaselineEvaluation(MixtureBaseline Baseline, ImmutableArray<PredictedLoss> Losses, double ObjectiveValue, double Gap,
    ImmutableArray<string> Violations)
{
    /// <summary>Name of the baseline.</summary>
    public string Name => Baseline.Name;

    /// <summary>Whether the baseline satisfies every constraint.</summary>
    public bool IsFeasible => Violations.IsEmpty;
}
