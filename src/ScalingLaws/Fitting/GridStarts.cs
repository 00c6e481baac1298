using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

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
