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
    /// <summary>Number of grid points: the product of the axis lengths, or <see cref="long.MaxValue"/> when that product does not fit in a long.</summary>
    public long Count
    {
        get
        {
            if (Axes.Any(a => a.Values.IsDefaultOrEmpty)) return 0;
            long n = 1;
            foreach (var axis in Axes)
            {
                if (n > long.MaxValue / axis.Values.Length) return long.MaxValue;
                n *= axis.Values.Length;
            }
            return n;
        }
    }

    /// <summary>The axis lengths as <c>a × b × …</c>, for messages.</summary>
    public string Shape => string.Join(" × ", Axes.Select(a => a.Values.IsDefault ? "0" : a.Values.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>One grid axis: the values tried for one parameter.</summary>
/// <param name="Parameter">Parameter name.</param>
/// <param name="Values">Values tried, in order.</param>
public sealed record GridAxis(string Parameter, ImmutableArray<double> Values)
{
    /// <summary>lo, lo + step, …, up to hi (inclusive within a relative 1e-9 of step).</summary>
    /// <exception cref="ArgumentException">lo, hi or step is not finite, step ≤ 0, hi &lt; lo, or more than <see cref="StartPoints.MaxCount"/> values.</exception>
    public static GridAxis Range(string parameter, double lo, double hi, double step)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) throw new ArgumentException($"Grid for '{parameter}' needs finite ends (got {lo}:{hi}).");
        if (!(step > 0) || double.IsInfinity(step)) throw new ArgumentException($"Grid step for '{parameter}' must be positive (got {step}).");
        if (!(hi >= lo)) throw new ArgumentException($"Grid for '{parameter}' has upper end {hi} below lower end {lo}.");
        double count = Math.Floor((hi - lo) / step + 1e-9) + 1;
        if (count > StartPoints.MaxCount) throw new ArgumentException($"Grid for '{parameter}' has {count:G6} values; at most {StartPoints.MaxCount:N0}.");
        var values = ImmutableArray.CreateBuilder<double>((int)count);
        for (int k = 0; k < (int)count; k++) values.Add(lo + k * step);
        return new GridAxis(parameter, values.MoveToImmutable());
    }

    /// <summary><paramref name="count"/> evenly spaced values from lo to hi inclusive (numpy's linspace).</summary>
    public static GridAxis Linspace(string parameter, double lo, double hi, int count)
    {
        if (count < 1) throw new ArgumentException($"Grid for '{parameter}' needs at least one value.");
        if (count > StartPoints.MaxCount) throw new ArgumentException($"Grid for '{parameter}' has {count:N0} values; at most {StartPoints.MaxCount:N0}.");
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
