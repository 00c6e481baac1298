using System.Collections.Immutable;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// Bootstrap uncertainty of a mixture plan: the distribution of the optimal weights and objective over
/// refitted replicates, and the robust choice that minimises the ensemble-mean objective.
/// </summary>
/// <param name="Replicates">Bootstrap replicates requested.</param>
/// <param name="Succeeded">Replicates whose refits were usable and whose optimisation was feasible.</param>
/// <param name="Level">Coverage of the percentile intervals, e.g. 0.95.</param>
/// <param name="WeightIntervals">Percentile interval of each domain's optimal weight, in domain order.</param>
/// <param name="ObjectiveInterval">Percentile interval of each replicate's optimal objective (under its own parameters).</param>
/// <param name="WeightSamples">The optimal weights of every successful replicate, in replicate order.</param>
/// <param name="RobustWeights">The weights that minimise the objective of the ensemble-mean losses (equal to the mean objective for target and weighted-sum objectives; for worst-loss objectives, the worst of the mean losses).</param>
/// <param name="RobustObjective">The ensemble-mean objective at <paramref name="RobustWeights"/>.</param>
/// <param name="RobustLosses">Ensemble-mean predicted losses at <paramref name="RobustWeights"/>.</param>
/// <param name="PlanMeanObjective">The ensemble-mean objective at the plan's (point-estimate) weights, for comparison.</param>
public sealed record MixtureUncertainty(
    int Replicates,
    int Succeeded,
    double Level,
    ImmutableArray<BootstrapInterval> WeightIntervals,
    BootstrapInterval ObjectiveInterval,
    ImmutableArray<ImmutableArray<double>> WeightSamples,
    ImmutableArray<double> RobustWeights,
    double RobustObjective,
    ImmutableArray<PredictedLoss> RobustLosses,
    double PlanMeanObjective);
