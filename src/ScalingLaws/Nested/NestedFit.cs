using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Nested;

/// <summary>
/// The result of <see cref="NestedPipeline.Fit"/>: the fitted mixtures, every stage's fits with their hold-out
/// errors, the observations at the target scale, and warnings. Immutable.
/// </summary>
public sealed record NestedFit
{
    /// <summary>The settings used.</summary>
    public required NestedOptions Options { get; init; }

    /// <summary>The mixtures carried through every stage (logged at every fitted size), in domain order.</summary>
    public required ImmutableArray<ImmutableArray<double>> Mixtures { get; init; }

    /// <summary>Stage 1: one step law per (size, mixture) run, size-major within each mixture.</summary>
    public required ImmutableArray<StepLawFit> StepLaws { get; init; }

    /// <summary>Stage 2: the size law.</summary>
    public required SizeLawFit SizeLaw { get; init; }

    /// <summary>Stage 3: one mixture law per target, in target order.</summary>
    public required ImmutableArray<MixtureLawFit> MixtureLaws { get; init; }

    /// <summary>Runs logged at the target size and step (never fitted).</summary>
    public required ImmutableArray<TargetObservation> Observations { get; init; }

    /// <summary>What was left out or looks doubtful, one sentence each, naming the runs.</summary>
    public required ImmutableArray<string> Warnings { get; init; }

    /// <summary>The target losses as a mixture model (one loss per target, named by its column) for <see cref="MixtureOptimizer"/>.</summary>
    public MixtureModel Model => MixtureModel.FromFits(Options.Domains, MixtureLaws.Select(m => FittedLaw.From(m.Fit)));

    /// <summary>The mixture laws' predictions L_t(h) at the target scale, in target order.</summary>
    /// <param name="weights">The mixture, in domain order.</param>
    public ImmutableArray<double> Predict(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != Options.Domains.Length)
            throw new ArgumentException($"{weights.Count} weights for {Options.Domains.Length} domains ({string.Join(", ", Options.Domains)}).", nameof(weights));
        return [.. MixtureLaws.Select(m => NestedStages.PredictMixture(FittedLaw.From(m.Fit), Options, weights))];
    }

    /// <summary>Σ_t w_t·L_t with <see cref="NestedOptions.TotalWeights"/>, or NaN when there are none.</summary>
    /// <param name="losses">One loss per target, in target order.</param>
    public double Total(IReadOnlyList<double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        if (Options.TotalWeights.IsEmpty) return double.NaN;
        double sum = 0;
        for (int t = 0; t < Options.Targets.Length; t++)
            if (Options.TotalWeights.TryGetValue(Options.Targets[t], out double w)) sum += w * losses[t];
        return sum;
    }
}
