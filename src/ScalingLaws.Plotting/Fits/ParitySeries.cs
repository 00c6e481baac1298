using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Fits;

/// <summary>Observed and predicted losses of a set of runs, for <see cref="ParityFigure"/>.</summary>
/// <param name="Name">Legend text, e.g. <c>fitted</c> or <c>held out</c>.</param>
/// <param name="Observed">Observed losses (nats/token).</param>
/// <param name="Predicted">Predicted losses, same length (nats/token).</param>
/// <param name="HeldOut">Whether the runs were left out of the fit (drawn as open diamonds in a contrasting colour).</param>
public sealed record ParitySeries(string Name, ImmutableArray<double> Observed, ImmutableArray<double> Predicted, bool HeldOut = false);
