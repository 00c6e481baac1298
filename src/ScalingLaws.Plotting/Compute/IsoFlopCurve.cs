using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Compute;

/// <summary>Loss against parameter count at one fixed compute budget, for <see cref="IsoFlopFigure"/>.</summary>
/// <param name="Compute">The budget C (FLOP).</param>
/// <param name="Parameters">Parameter counts N along the curve, increasing.</param>
/// <param name="Losses">Predicted loss at each N with D = C/(k·N) (nats/token).</param>
public sealed record IsoFlopCurve(double Compute, ImmutableArray<double> Parameters, ImmutableArray<double> Losses)
{
    /// <summary>Parameter counts of observed runs at this budget. Default empty.</summary>
    public ImmutableArray<double> ObservedParameters { get; init; } = [];

    /// <summary>Observed losses of those runs (nats/token). Default empty.</summary>
    public ImmutableArray<double> ObservedLosses { get; init; } = [];
}
