using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>How a validation binds a law to a <see cref="RunTable"/> and fits it.</summary>
public sealed record ValidationOptions
{
    /// <summary>Default options: the law's recipe, columns named as the law's variables, missing values are errors.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Options of every fit (loss, space, starts, fixed parameters, seed, …). Default <see cref="FitOptions.Default"/> (the law's recipe).</summary>
    public FitOptions Fit { get; init; } = FitOptions.Default;

    /// <summary>Law variable → column name, for variables whose column has another name (e.g. <c>D → tokens</c>). Default empty.</summary>
    public ImmutableDictionary<string, string> Mapping { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Optional column of non-negative per-row weights for the fit. Default none.</summary>
    public string? WeightColumn { get; init; }

    /// <summary>
    /// Rows with a missing value in a used column: <see cref="MissingValuePolicy.Error"/> (default) stops with the
    /// file and line; <see cref="MissingValuePolicy.DropRow"/> leaves such rows out of both fitting and prediction.
    /// </summary>
    public MissingValuePolicy Missing { get; init; } = MissingValuePolicy.Error;

    /// <summary>The rows of <paramref name="table"/> a validation of <paramref name="law"/> uses: <see cref="TableBinding.UsableRows"/> with these options.</summary>
    internal ImmutableArray<int> UsableRows(RunTable table, IScalingLaw law, string target) =>
        table.UsableRows(law.Variables, target, Mapping, WeightColumn, Missing);

    /// <summary>The fit data of the given rows (in the given order), bound with these options.</summary>
    internal FitData Bind(RunTable table, IReadOnlyList<int> rows, IScalingLaw law, string target) =>
        table.Where(rows).ToFitData(law.Variables, target, Mapping, WeightColumn);
}
