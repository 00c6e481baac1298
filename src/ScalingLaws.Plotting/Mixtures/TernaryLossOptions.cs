using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Mixtures;

/// <summary>Options of <see cref="TernaryLossFigure"/>.</summary>
public sealed record TernaryLossOptions : FigureOptions
{
    /// <summary>Grid cells along the bottom edge of the triangle. Default 200 (about 17,000 evaluations).</summary>
    public int Resolution { get; init; } = 200;

    /// <summary>Other mixtures to mark (baselines, trained mixtures). Default empty.</summary>
    public ImmutableArray<SimplexPoint> Markers { get; init; } = [];

    /// <summary>Label of the colour bar. Default <c>Predicted loss (nats/token)</c>.</summary>
    public string ColorBarLabel { get; init; } = "Predicted loss (nats/token)";

    /// <summary>Draw grid lines and edge labels every 0.2. Default true.</summary>
    public bool ShowGrid { get; init; } = true;
}
