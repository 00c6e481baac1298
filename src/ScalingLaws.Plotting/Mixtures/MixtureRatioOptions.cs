namespace ScalingLaws.Plotting.Mixtures;

/// <summary>Options of <see cref="MixtureRatioFigure"/>.</summary>
public sealed record MixtureRatioOptions : FigureOptions
{
    /// <summary>Name of the domain whose share is on the x axis, used in the default axis label. Default <c>domain</c>.</summary>
    public string DomainName { get; init; } = "domain";

    /// <summary>Shares meeting the constraint, shaded; <c>null</c> (default) for none.</summary>
    public (double Lower, double Upper)? Feasible { get; init; }

    /// <summary>Label of the feasible region. Default <c>feasible</c>.</summary>
    public string FeasibleLabel { get; init; } = "feasible";

    /// <summary>The critical mixture ratio, marked by a vertical line; <c>null</c> (default) for none.</summary>
    public double? CriticalRatio { get; init; }

    /// <summary>The loss at the critical ratio, marked by a point; <c>null</c> (default) for none.</summary>
    public double? CriticalLoss { get; init; }

    /// <summary>The largest allowed loss (e.g. L₀ + ε), drawn as a horizontal line; <c>null</c> (default) for none.</summary>
    public double? LossLimit { get; init; }
}
