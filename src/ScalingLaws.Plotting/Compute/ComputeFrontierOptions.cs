using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Compute;

/// <summary>Options of <see cref="ComputeFrontierFigure"/>.</summary>
public sealed record ComputeFrontierOptions : ComputeFigureOptions
{
    /// <summary>Allocations measured elsewhere (e.g. the minima of observed isoFLOP profiles), drawn as points. Default empty.</summary>
    public ImmutableArray<ComputeOptimalPoint> Observed { get; init; } = [];

    /// <summary>Named models to mark (N and D at their compute). Default empty.</summary>
    public ImmutableArray<ReferenceAllocation> References { get; init; } = [];

    /// <summary>Points along the frontier drawn from a fit. Default 60.</summary>
    public int CurvePoints { get; init; } = 60;
}
