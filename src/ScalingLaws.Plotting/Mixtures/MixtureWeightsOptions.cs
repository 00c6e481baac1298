namespace ScalingLaws.Plotting.Mixtures;

/// <summary>Options of <see cref="MixtureWeightsFigure"/>.</summary>
public sealed record MixtureWeightsOptions : FigureOptions
{
    /// <summary>Rotate the domain names by 45°; <c>null</c> (default) when there are more than 6 domains or a name is longer than 10 characters.</summary>
    public bool? RotateLabels { get; init; }
}
