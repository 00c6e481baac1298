using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>An explicit list of starts, each a map from parameter name to value.</summary>
/// <param name="Points">The starts; empty means one start at the initial values.</param>
public sealed record ExplicitStarts(ImmutableArray<ImmutableDictionary<string, double>> Points) : StartPoints;
