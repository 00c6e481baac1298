using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Mixtures;

/// <summary>A named mixture of three domains, marked on <see cref="TernaryLossFigure"/>.</summary>
/// <param name="Name">Legend text, e.g. <c>uniform</c>.</param>
/// <param name="Weights">The three weights, in the figure's domain order (normalised to sum to 1 when drawn).</param>
public sealed record SimplexPoint(string Name, ImmutableArray<double> Weights);
