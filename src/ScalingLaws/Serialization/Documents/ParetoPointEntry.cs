using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>One point of a Pareto front.</summary>
/// <param name="Weights">Weights in domain order.</param>
/// <param name="FirstLoss">First loss.</param>
/// <param name="SecondLoss">Second loss.</param>
public sealed record ParetoPointEntry(
    ImmutableArray<double> Weights,
    double FirstLoss,
    double SecondLoss);
