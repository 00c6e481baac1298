namespace ScalingLaws.Plotting;

/// <summary>Texts shared by every figure; <c>null</c> means the figure's default.</summary>
public abstract record FigureOptions
{
    /// <summary>Title above the plot; <c>null</c> (default) uses the figure's own title, empty hides it.</summary>
    public string? Title { get; init; }

    /// <summary>Horizontal axis label; <c>null</c> (default) uses the figure's own label, which names the unit.</summary>
    public string? XLabel { get; init; }

    /// <summary>Vertical axis label; <c>null</c> (default) uses the figure's own label, which names the unit.</summary>
    public string? YLabel { get; init; }
}
