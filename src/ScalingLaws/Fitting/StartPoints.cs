using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>
/// Where the multi-start solver begins. Parameters a start does not mention take their value from
/// the fit's initial values (<see cref="FitOptions.Initial"/>, else the law's
/// <see cref="Laws.ParameterSpec.Initial"/>).
/// </summary>
public abstract record StartPoints
{
    /// <summary>A single start at the initial values.</summary>
    public static StartPoints Single { get; } = new ExplicitStarts(ImmutableArray<ImmutableDictionary<string, double>>.Empty);
}

/// <summary>An explicit list of starts, each a map from parameter name to value.</summary>
/// <param name="Points">The starts; empty means one start at the initial values.</param>
public sealed record ExplicitStarts(ImmutableArray<ImmutableDictionary<string, double>> Points) : StartPoints;

/// <summary>
/// The Cartesian product of one axis per listed parameter (first axis varies slowest), e.g.
/// Chinchilla's α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, …, 1}, a, b ∈ {0, 5, …, 25}: 4,500 starts.
/// </summary>
/// <param name="Axes">One axis per parameter.</param>
public sealed record GridStarts(ImmutableArray<GridAxis> Axes) : StartPoints
{
    /// <summary>Number of grid points: the product of the axis lengths.</summary>
    public long Count => Axes.Aggregate(1L, (n, a) => n * a.Values.Length);
}

/// <summary>One grid axis: the values tried for one parameter.</summary>
/// <param name="Parameter">Parameter name.</param>
/// <param name="Values">Values tried, in order.</param>
public sealed record GridAxis(string Parameter, ImmutableArray<double> Values)
{
    /// <summary>lo, lo + step, …, up to hi (inclusive within a relative 1e-9 of step).</summary>
    /// <exception cref="ArgumentException">step ≤ 0, hi &lt; lo, or more than 1,000,000 values.</exception>
    public static GridAxis Range(string parameter, double lo, double hi, double step)
    {
        if (!(step > 0) || double.IsInfinity(step)) throw new ArgumentException($"Grid step for '{parameter}' must be positive (got {step}).");
        if (!(hi >= lo)) throw new ArgumentException($"Grid for '{parameter}' has upper end {hi} below lower end {lo}.");
        double count = Math.Floor((hi - lo) / step + 1e-9) + 1;
        if (count > 1_000_000) throw new ArgumentException($"Grid for '{parameter}' has {count} values; at most 1,000,000.");
        var values = ImmutableArray.CreateBuilder<double>((int)count);
        for (int k = 0; k < (int)count; k++) values.Add(lo + k * step);
        return new GridAxis(parameter, values.MoveToImmutable());
    }

    /// <summary><paramref name="count"/> evenly spaced values from lo to hi inclusive (numpy's linspace).</summary>
    public static GridAxis Linspace(string parameter, double lo, double hi, int count)
    {
        if (count < 1) throw new ArgumentException($"Grid for '{parameter}' needs at least one value.");
        var values = ImmutableArray.CreateBuilder<double>(count);
        for (int k = 0; k < count; k++) values.Add(count == 1 ? lo : lo + (hi - lo) * k / (count - 1));
        return new GridAxis(parameter, values.MoveToImmutable());
    }
}

/// <summary>
/// <paramref name="Count"/> quasi-random starts (scrambled Halton sequence seeded by
/// <see cref="FitOptions.Seed"/>) inside per-parameter ranges: the bounds when finite, else
/// <paramref name="Ranges"/>, else initial value ± max(1, |initial|).
/// </summary>
/// <param name="Count">Number of starts, ≥ 1.</param>
/// <param name="Ranges">Optional sampling range per parameter name (overrides bounds for sampling only).</param>
public sealed record RandomStarts(int Count, ImmutableDictionary<string, (double Lower, double Upper)>? Ranges = null) : StartPoints;
