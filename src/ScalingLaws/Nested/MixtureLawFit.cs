using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Nested;

/// <summary>The mixture law of one target, fitted on the size-law predictions of every mixture at the target scale.</summary>
/// <param name="Target">The loss column.</param>
/// <param name="Fit">The fit of the chosen law.</param>
/// <param name="LeaveOneOutError">Mean absolute error of leave-one-mixture-out refits (warm-started from <paramref name="Fit"/>) on the left-out mixture.</param>
/// <param name="Law">Name of the chosen candidate (<see cref="MixtureCandidate.Name"/>).</param>
/// <param name="CandidateErrors">Leave-one-mixture-out MAE of every candidate tried, by name (NaN: too few mixtures for its parameters); the chosen law has the least.</param>
/// <param name="RunEffectVariance">
/// τ², the variance of the fitted mixtures' own effects beyond the law: max(0, Σ_m r_m² / (M − p) − mean σ_m²), with r_m the
/// size-law (chain) prediction minus the law's, p the law's parameters and σ_m² the chain's noise variance
/// (<see cref="SizeLawFit.AtTargetVariance"/>).
/// </param>
/// <param name="RunEffectWeights">
/// κ_m = τ² / (τ² + σ_m²) per fitted mixture (0 when τ² = 0): a fitted mixture's prediction is L(h_m) + κ_m·r_m, the
/// best linear unbiased predictor when its losses are the law plus an effect of variance τ² seen through noise σ_m².
/// </param>
public sealed record MixtureLawFit(string Target, FitResult Fit, double LeaveOneOutError, string Law, ImmutableDictionary<string, double> CandidateErrors,
    double RunEffectVariance, ImmutableArray<double> RunEffectWeights);
