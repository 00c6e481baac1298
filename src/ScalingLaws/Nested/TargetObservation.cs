using System.Collections.Immutable;
using ScalingLaws.Data;

namespace ScalingLaws.Nested;

/// <summary>A run logged at the target size and step: its mixture and observed losses (never fitted).</summary>
/// <param name="Weights">The mixture, in domain order.</param>
/// <param name="Losses">Observed loss of each target (NaN where not logged).</param>
/// <param name="Source">File and line of the row.</param>
public sealed record TargetObservation(ImmutableArray<double> Weights, ImmutableArray<double> Losses, SourceLocation Source);
