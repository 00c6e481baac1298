namespace ScalingLaws.Plotting.Fits;

/// <summary>Options of <see cref="ParityFigure"/>.</summary>
public sealed record ParityOptions : FitFigureOptions
{
    /// <summary>Logarithmic axes. Default false.</summary>
    public bool LogScale { get; init; }

    /// <summary>Append n and the mean relative error to each legend entry. Default true.</summary>
    public bool ShowErrors { get; init; } = true;
}
