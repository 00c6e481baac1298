using System.Collections.Immutable;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>One point of a Pareto front: a mixture and its two losses.</summary>
/// <param name="Weights">The mixture, in the front's domain order.</param>
/// <param name="FirstLoss">The first loss (the one minimised).</param>
/// <param name="SecondLoss">The second loss (the one limited).</param>
public sealed record ParetoPoint(ImmutableArray<double> Weights, double FirstLoss, double SecondLoss);
