using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Nested;

/// <summary>
/// The size law: for every (mixture, target) curve, the step-law predictions at the target step against the
/// model size, L(N) = c + (k/N)^α with one α shared by every curve (Ye et al.'s <c>tie_alpha=all</c>), and its
/// extrapolation to the target size.
/// </summary>
/// <param name="Fit">The fit over every fitted size; curve index = mixture × targets + target.</param>
/// <param name="Sizes">The fitted model sizes, ascending.</param>
/// <param name="Inputs">Step-law predictions at the target step: <c>Inputs[mixture][target][size]</c> (NaN where the mixture has no run at that size).</param>
/// <param name="AtTarget">L(N*) for each mixture and target: <c>AtTarget[mixture][target]</c>.</param>
/// <param name="HoldOutError">Mean absolute error at the largest size of a refit without it, over the curves logged at every size (NaN with fewer than four sizes).</param>
/// <param name="AtTargetVariance">
/// Noise variance of each <paramref name="AtTarget"/> value, <c>AtTargetVariance[mixture][target]</c>: the size law's residual
/// variance pooled over the target's curves, s² = Σ RSS / Σ (n − 2), times the leverage of N* on the curve,
/// 1/n + (x* − x̄)² / Σ (x − x̄)² with x = N^−α (the variance of a straight-line prediction in x for a given α).
/// </param>
public sealed record SizeLawFit(FitResult Fit, ImmutableArray<double> Sizes, ImmutableArray<ImmutableArray<ImmutableArray<double>>> Inputs,
    ImmutableArray<ImmutableArray<double>> AtTarget, double HoldOutError, ImmutableArray<ImmutableArray<double>> AtTargetVariance);
