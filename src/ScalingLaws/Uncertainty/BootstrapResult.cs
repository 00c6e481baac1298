using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Uncertainty;

/// <summary>
/// Case-resampling bootstrap of one fit: the parameter vector of every replicate (in replicate order),
/// whether its refit was usable, and percentile intervals and standard deviations over the usable ones.
/// </summary>
public sealed record BootstrapResult
{
    /// <summary>The full-data fit (point estimate).</summary>
    public required FittedLaw Estimate { get; init; }

    /// <summary>Parameter vector of each replicate, in replicate order (a failed refit holds its last iterate).</summary>
    public required ImmutableArray<ImmutableArray<double>> Samples { get; init; }

    /// <summary>Whether each replicate's refit converged to a finite objective.</summary>
    public required ImmutableArray<bool> Usable { get; init; }

    /// <summary>Percentile interval of each parameter over the usable replicates, in the law's parameter order.</summary>
    public required ImmutableArray<BootstrapInterval> Intervals { get; init; }

    /// <summary>Standard deviation of each parameter over the usable replicates (the bootstrap standard error).</summary>
    public required ImmutableArray<double> StandardErrors { get; init; }

    /// <summary>Coverage of the intervals.</summary>
    public required double Level { get; init; }

    /// <summary>The seed the replicates were derived from.</summary>
    public required int Seed { get; init; }

    /// <summary>Number of replicates.</summary>
    public int Replicates => Samples.Length;

    /// <summary>Number of usable replicates.</summary>
    public int UsableCount => Usable.Count(u => u);

    /// <summary>Parameter names, in the law's order.</summary>
    public ImmutableArray<string> ParameterNames => Estimate.Law.Parameters.Select(p => p.Name).ToImmutableArray();

    /// <summary>The interval of a parameter by name.</summary>
    /// <param name="parameter">Parameter name.</param>
    /// <exception cref="KeyNotFoundException">No such parameter.</exception>
    public BootstrapInterval Interval(string parameter)
    {
        int j = ParameterNames.IndexOf(parameter);
        return j >= 0 ? Intervals[j]
            : throw new KeyNotFoundException($"No parameter '{parameter}'; the parameters are {string.Join(", ", ParameterNames)}.");
    }
}
