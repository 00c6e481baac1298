using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Fits;

/// <summary>One group of a fitted-curves figure: its observed points and the fitted curve through them.</summary>
/// <param name="Name">Legend text, e.g. <c>N = 1e9</c>.</param>
/// <param name="ObservedX">x of the observed runs.</param>
/// <param name="ObservedY">Observed loss of those runs (nats/token).</param>
/// <param name="CurveX">x of the curve, increasing.</param>
/// <param name="CurveY">Predicted loss along the curve (nats/token).</param>
public sealed record FitCurveGroup(
    string Name,
    ImmutableArray<double> ObservedX,
    ImmutableArray<double> ObservedY,
    ImmutableArray<double> CurveX,
    ImmutableArray<double> CurveY);
