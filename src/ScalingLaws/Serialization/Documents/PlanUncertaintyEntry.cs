using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>Bootstrap uncertainty of a mixture plan.</summary>
/// <param name="Replicates">Replicates drawn.</param>
/// <param name="Succeeded">Replicates that gave a plan.</param>
/// <param name="Level">Nominal coverage of the intervals.</param>
/// <param name="ObjectiveInterval">Interval of the objective.</param>
/// <param name="RobustObjective">Objective of the robust plan.</param>
/// <param name="PlanMeanObjective">Mean over replicates of the plan's objective.</param>
/// <param name="RobustLosses">Losses of the robust plan.</param>
/// <param name="WeightSamples">Each replicate's weights, in domain order.</param>
public sealed record PlanUncertaintyEntry(
    int Replicates,
    int Succeeded,
    double Level,
    IntervalEntry ObjectiveInterval,
    double RobustObjective,
    double PlanMeanObjective,
    ImmutableArray<PredictedLossEntry> RobustLosses,
    ImmutableArray<ImmutableArray<double>> WeightSamples);
