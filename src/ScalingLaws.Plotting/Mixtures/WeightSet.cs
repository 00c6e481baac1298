using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Mixtures;

/// <summary>One set of domain weights for <see cref="MixtureWeightsFigure"/>: the optimum or a baseline, with optional intervals.</summary>
/// <param name="Name">Legend text, e.g. <c>optimised</c>, <c>DoReMi</c>, <c>uniform</c>.</param>
/// <param name="Weights">One weight per domain, in the figure's domain order (fractions of the training tokens).</param>
public sealed record WeightSet(string Name, ImmutableArray<double> Weights)
{
    /// <summary>Lower ends of per-domain intervals (e.g. bootstrap percentiles); default (empty) for none.</summary>
    public ImmutableArray<double> Lower { get; init; } = [];

    /// <summary>Upper ends of per-domain intervals; default (empty) for none.</summary>
    public ImmutableArray<double> Upper { get; init; } = [];

    /// <summary>Whether the set has intervals.</summary>
    public bool HasIntervals => !Lower.IsDefaultOrEmpty && !Upper.IsDefaultOrEmpty;
}
