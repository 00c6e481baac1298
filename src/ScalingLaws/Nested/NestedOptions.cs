using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Nested;

/// <summary>
/// Settings of the nested prediction (Ye et al., "Data Mixing Laws", Algorithm 1): which columns hold the
/// model size, the step, the domain weights and the losses; the target scale; and how each stage is fitted.
/// Every default follows the released pipeline (<c>pipeline/run.sh</c>) unless stated.
/// </summary>
public sealed record NestedOptions
{
    /// <summary>Target model size N* (same units as <see cref="ModelSizeColumn"/>). Runs at N* are never fitted: they are the observations at the target.</summary>
    public required double TargetModelSize { get; init; }

    /// <summary>Target training step S* (same units as <see cref="StepColumn"/>).</summary>
    public required double TargetStep { get; init; }

    /// <summary>The loss columns to predict (e.g. the five Pile domain groups).</summary>
    public required ImmutableArray<string> Targets { get; init; }

    /// <summary>The training-domain weight columns, in order.</summary>
    public required ImmutableArray<string> Domains { get; init; }

    /// <summary>
    /// Weights of the targets in a total loss Σ_t w_t·L_t (e.g. the Pile group weights of <c>valid_weight.json</c>,
    /// <c>PileDomainGroups.GroupWeights</c>); empty (default): no total. Every key must be a target.
    /// </summary>
    public ImmutableDictionary<string, double> TotalWeights { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Column of the model size; default <c>N</c>.</summary>
    public string ModelSizeColumn { get; init; } = "N";

    /// <summary>Column of the training step; default <c>step</c>.</summary>
    public string StepColumn { get; init; } = "step";

    /// <summary>Smallest step the step law reads; default none (every logged step). Ye et al. fit steps 10k–30k.</summary>
    public double? MinimumStep { get; init; }

    /// <summary>Largest step the step law reads; default none.</summary>
    public double? MaximumStep { get; init; }

    /// <summary>Fewest distinct logged steps a run needs for its step law (three parameters per curve and one residual); default 4.</summary>
    public int MinimumSteps { get; init; } = 4;

    /// <summary>The last H steps of every run held out to measure the step law's extrapolation error; default 3 (Ye et al.'s <c>valid_split</c>).</summary>
    public int HoldOutSteps { get; init; } = 3;

    /// <summary>Which step-law curves share one exponent; default <see cref="StepExponentSharing.Size"/> (Ye et al.'s script default; <c>run.sh</c> uses per-run sharing, which scatters the extrapolations across mixtures: see docs/nested.md).</summary>
    public StepExponentSharing StepSharing { get; init; } = StepExponentSharing.Size;

    /// <summary>Robust loss of the step law; default Huber δ = 0.05 (Ye et al., <c>tie_alpha=valid</c>).</summary>
    public RobustLoss StepLoss { get; init; } = new HuberLoss(0.05);

    /// <summary>Robust loss of the size law; default Huber δ = 0.08 (Ye et al.).</summary>
    public RobustLoss SizeLoss { get; init; } = new HuberLoss(0.08);

    /// <summary>
    /// The mixture model fitted per target on the predicted target-scale losses: a law whose variables are
    /// domain-weight columns (a subset of <see cref="Domains"/>). Default <c>null</c>: per target, the candidate of
    /// <see cref="MixtureCandidates"/> with the least leave-one-mixture-out error.
    /// </summary>
    public IScalingLaw? MixtureLaw { get; init; }

    /// <summary>Fit options of the mixture stage (loss, starts, …); default <c>null</c>: the law's recipe.</summary>
    public FitOptions? MixtureFitOptions { get; init; }

    /// <summary>Seed of every random choice; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Threads for the per-run and per-target fits; default −1 (all cores). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// The mixture laws stage 3 chooses from: <see cref="MixtureLaw"/> alone when set; otherwise Ye et al.'s
    /// <see cref="DataMixingLaw"/> and the first-order (Scheffé) mixture model L(h) = Σ_j b_j·h_j over
    /// <see cref="Domains"/>, each named as reported.
    /// </summary>
    public ImmutableArray<MixtureCandidate> MixtureCandidates => MixtureLaw is { } law
        ? [new MixtureCandidate(law.Name, law)]
        : [new MixtureCandidate("data-mixing", new DataMixingLaw(Domains)), MixtureCandidate.Linear(Domains)];

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A target or count is invalid, or the mixture law reads a variable that is not a domain.</exception>
    public void Validate()
    {
        if (!(TargetModelSize > 0) || !double.IsFinite(TargetModelSize)) throw new ArgumentException($"The target model size must be a positive number (got {TargetModelSize}).");
        if (!(TargetStep > 0) || !double.IsFinite(TargetStep)) throw new ArgumentException($"The target step must be a positive number (got {TargetStep}).");
        if (Targets.IsDefaultOrEmpty) throw new ArgumentException("Give at least one loss column to predict.");
        if (Domains.IsDefaultOrEmpty) throw new ArgumentException("Give the domain-weight columns.");
        if (MinimumSteps < 3) throw new ArgumentException($"MinimumSteps must be at least 3 (got {MinimumSteps}).");
        if (HoldOutSteps < 0) throw new ArgumentException($"HoldOutSteps must be ≥ 0 (got {HoldOutSteps}).");
        if (MinimumStep is double lo && MaximumStep is double hi && !(lo <= hi)) throw new ArgumentException($"The step range [{lo}, {hi}] is empty.");
        foreach (var (name, weight) in TotalWeights)
        {
            if (!Targets.Contains(name)) throw new ArgumentException($"The total-loss weight of '{name}' names no target; the targets are {string.Join(", ", Targets)}.");
            if (!(weight >= 0) || !double.IsFinite(weight)) throw new ArgumentException($"The total-loss weight of '{name}' must be a non-negative number (got {weight}).");
        }
        if (MixtureLaw is { } law && law.Variables.Where(v => !Domains.Contains(v)).ToList() is { Count: > 0 } extra)
            throw new ArgumentException($"The mixture law '{law.Name}' reads {string.Join(", ", extra)}, which are not domain-weight columns ({string.Join(", ", Domains)}); at the target scale only the weights vary.");
    }
}
