namespace ScalingLaws.Plotting.Fits;

/// <summary>Options of <see cref="ResidualsFigure"/>.</summary>
public sealed record ResidualOptions : FitFigureOptions
{
    /// <summary>Logarithmic x axis; <c>null</c> (default) when all x are positive and span more than a factor of 30.</summary>
    public bool? LogX { get; init; }
}
