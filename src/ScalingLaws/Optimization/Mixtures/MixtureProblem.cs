using System.Collections.Immutable;

using ScalingLaws.Optimization.Compute;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// A mixture optimisation: minimise <see cref="Objective"/> over the weights h on the simplex
/// (Σhⱼ = 1, hⱼ ≥ 0) subject to per-domain bounds, data availability (hⱼ·D ≤ Uⱼ × max epochs) and upper
/// limits on other losses, at the <see cref="Budget"/>; optionally with repeated data priced in, and with
/// baselines evaluated beside the optimum. Solved by <see cref="MixtureOptimizer.Optimize"/>.
/// </summary>
public sealed record MixtureProblem
{
    /// <summary>The predicted losses as functions of the weights.</summary>
    public required MixtureModel Model { get; init; }

    /// <summary>What to minimise.</summary>
    public required MixtureObjective Objective { get; init; }

    /// <summary>N and D of the target run (needed when a loss reads N or D, or for availability). Default none.</summary>
    public TrainingBudget Budget { get; init; } = TrainingBudget.None;

    /// <summary>Lower bound per domain name (default 0 for unlisted domains).</summary>
    public ImmutableDictionary<string, double> LowerBounds { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Upper bound per domain name (default 1 for unlisted domains).</summary>
    public ImmutableDictionary<string, double> UpperBounds { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Unique tokens and maximum epochs per domain; caps hⱼ at Uⱼ·epochs/D (needs the budget's D). Default none.</summary>
    public ImmutableArray<DataAvailability> Availability { get; init; } = ImmutableArray<DataAvailability>.Empty;

    /// <summary>When set, repeated epochs of the domains in <see cref="Availability"/> are worth less (effective data). Default none.</summary>
    public RepetitionPricing? Repetition { get; init; }

    /// <summary>Upper limits on predicted losses. Default none.</summary>
    public ImmutableArray<LossConstraint> LossConstraints { get; init; } = ImmutableArray<LossConstraint>.Empty;

    /// <summary>Weight vectors evaluated beside the optimum. Default none.</summary>
    public ImmutableArray<MixtureBaseline> Baselines { get; init; } = ImmutableArray<MixtureBaseline>.Empty;

    /// <summary>The predicted losses at <paramref name="weights"/>, by loss name.</summary>
    /// <param name="weights">One weight per domain (not required to sum to 1).</param>
    /// <exception cref="ArgumentException">The problem is invalid or the length is wrong.</exception>
    public ImmutableDictionary<string, double> Predict(IReadOnlyList<double> weights)
    {
        var compiled = CompiledMixtureProblem.Create(this);
        var losses = compiled.Losses(weights);
        return Model.Losses.Select((l, i) => KeyValuePair.Create(l.Name, losses[i])).ToImmutableDictionary();
    }

    /// <summary>The objective's value at <paramref name="weights"/>.</summary>
    /// <param name="weights">One weight per domain.</param>
    public double EvaluateObjective(IReadOnlyList<double> weights)
    {
        var compiled = CompiledMixtureProblem.Create(this);
        return compiled.ObjectiveOf(compiled.Losses(weights));
    }
}
