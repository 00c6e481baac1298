using System.Collections.Immutable;

namespace ScalingLaws.Nested;

/// <summary>One mixture's total (or single-target) loss at the target scale by each route, and the observation.</summary>
/// <param name="Label">Where the mixture came from (see <see cref="NestedPrediction.Label"/>).</param>
/// <param name="Weights">The mixture, in domain order.</param>
/// <param name="Nested">The nested prediction (mixture law at the target).</param>
/// <param name="Direct">The prediction of each law in N and D, in <see cref="NestedComparison.Laws"/> order.</param>
/// <param name="Observed">The observation, NaN when none.</param>
public sealed record NestedComparisonRow(string Label, ImmutableArray<double> Weights, double Nested, ImmutableArray<double> Direct, double Observed);
