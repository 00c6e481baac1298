using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Mixtures;

/// <summary>A loss against the share of one domain in a two-domain mixture, for <see cref="MixtureRatioFigure"/>.</summary>
/// <param name="Name">Legend text, e.g. <c>general loss</c> or <c>domain loss</c>.</param>
/// <param name="Ratios">Domain shares in [0, 1], increasing.</param>
/// <param name="Losses">Predicted loss at each share (nats/token).</param>
public sealed record RatioCurve(string Name, ImmutableArray<double> Ratios, ImmutableArray<double> Losses)
{
    /// <summary>Shares of observed runs. Default empty.</summary>
    public ImmutableArray<double> ObservedRatios { get; init; } = [];

    /// <summary>Observed losses of those runs (nats/token). Default empty.</summary>
    public ImmutableArray<double> ObservedLosses { get; init; } = [];

    /// <summary>Samples <paramref name="loss"/> at <paramref name="points"/> evenly spaced shares from 0 to 1.</summary>
    /// <param name="name">Legend text.</param>
    /// <param name="loss">Predicted loss as a function of the share.</param>
    /// <param name="points">Number of shares, ≥ 2; default 201.</param>
    public static RatioCurve Sample(string name, Func<double, double> loss, int points = 201)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var ratios = Enumerable.Range(0, points).Select(i => (double)i / (points - 1)).ToImmutableArray();
        return new RatioCurve(name, ratios, [.. ratios.Select(loss)]);
    }
}
