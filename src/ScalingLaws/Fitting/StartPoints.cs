using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>
/// Where the multi-start solver begins. Parameters a start does not mention take their value from
/// the fit's initial values (<see cref="FitOptions.Initial"/>, else the law's
/// <see cref="ParameterSpec.Initial"/>).
/// </summary>
public abstract record StartPoints
{
    /// <summary>A single start at the initial values.</summary>
    public static StartPoints Single { get; } = new ExplicitStarts(ImmutableArray<ImmutableDictionary<string, double>>.Empty);

    /// <summary>The most starts one fit runs: 1,000,000 (a larger grid or count is a setup error naming the count).</summary>
    public const int MaxCount = 1_000_000;
}
