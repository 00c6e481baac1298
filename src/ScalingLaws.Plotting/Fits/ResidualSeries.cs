using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Fits;

/// <summary>Residuals of a set of runs against some x, for <see cref="ResidualsFigure"/>.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">The x of each run (a variable, or the predicted loss).</param>
/// <param name="Residuals">The residual of each run, same length.</param>
/// <param name="HeldOut">Whether the runs were left out of the fit (drawn as open diamonds in a contrasting colour).</param>
public sealed record ResidualSeries(string Name, ImmutableArray<double> X, ImmutableArray<double> Residuals, bool HeldOut = false);
