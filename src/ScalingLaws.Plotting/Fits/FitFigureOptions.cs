using System.Collections.Immutable;

namespace ScalingLaws.Plotting.Fits;

/// <summary>Options of figures drawn from a <see cref="ScalingLaws.Fitting.FitResult"/> and a <see cref="ScalingLaws.Data.RunTable"/>.</summary>
public abstract record FitFigureOptions : FigureOptions
{
    /// <summary>
    /// Law variable → column, for variables read from a column of another name (as in
    /// <see cref="ScalingLaws.Fitting.TableBinding.ToFitData"/>). Default empty: each variable reads the column of its name.
    /// </summary>
    public ImmutableDictionary<string, string> ColumnMapping { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Column of observed losses; <c>null</c> (default) uses the fit's target.</summary>
    public string? Target { get; init; }
}
