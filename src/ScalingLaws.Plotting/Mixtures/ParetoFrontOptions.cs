using System.Collections.Immutable;

using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Plotting.Mixtures;

/// <summary>Options of <see cref="ParetoFrontFigure"/>.</summary>
public sealed record ParetoFrontOptions : FigureOptions
{
    /// <summary>Dominated or sampled mixtures drawn in grey behind the front. Default empty.</summary>
    public ImmutableArray<ParetoPoint> Candidates { get; init; } = [];

    /// <summary>The chosen mixture, highlighted; <c>null</c> (default) for none.</summary>
    public ParetoPoint? Chosen { get; init; }

    /// <summary>Name of the general data, used in the default axis label. Default <c>general</c>.</summary>
    public string GeneralName { get; init; } = "general";

    /// <summary>Name of the target domain, used in the default axis label. Default <c>domain</c>.</summary>
    public string DomainName { get; init; } = "domain";
}
