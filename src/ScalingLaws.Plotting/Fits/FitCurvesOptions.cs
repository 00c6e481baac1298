using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Fits;

/// <summary>Options of <see cref="FitCurvesFigure"/>.</summary>
public sealed record FitCurvesOptions : FitFigureOptions
{
    /// <summary>x range of the curves; <c>null</c> (default) runs from the smallest observed x to the largest times <see cref="ExtrapolationFactor"/>.</summary>
    public (double Min, double Max)? XRange { get; init; }

    /// <summary>
    /// x range the fit saw; outside it the curves are extrapolations and the background is shaded. <c>null</c>
    /// (default) uses the range of the observed x. Pass the training range when the table also holds held-out runs.
    /// </summary>
    public (double Min, double Max)? FittedRange { get; init; }

    /// <summary>How far the curves run past the largest observed x when <see cref="XRange"/> is <c>null</c>: a factor on x (log axis) or on the span (linear axis). Default 10.</summary>
    public double ExtrapolationFactor { get; init; } = 10;

    /// <summary>The most groups drawn. A numeric group column with more distinct values is split into this many bins (log-spaced for positive values). Default 8.</summary>
    public int MaxGroups { get; init; } = 8;

    /// <summary>Values for law variables other than x, for every group; others are held at the group's value (the group column) or the group's median. Default empty.</summary>
    public ImmutableDictionary<string, double> Held { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Logarithmic x axis; <c>null</c> (default) when all x are positive.</summary>
    public bool? LogX { get; init; }

    /// <summary>Logarithmic loss axis. Default true.</summary>
    public bool LogY { get; init; } = true;

    /// <summary>Points per curve. Default 200.</summary>
    public int CurvePoints { get; init; } = 200;
}
