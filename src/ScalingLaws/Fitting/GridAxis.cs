using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

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
