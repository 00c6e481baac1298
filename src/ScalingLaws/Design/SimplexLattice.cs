using System.Collections.Immutable;

namespace ScalingLaws.Design;

/// <summary>
/// The simplex lattice of Shukor et al. (2025): every mixture whose shares are multiples of 1/R (R the
/// resolution) and at least a minimum weight, in lexicographic order (first domain's share descending).
/// There are C(R' + k − 1, k − 1) points with R' = R − k·⌈m·R⌉ when every share must reach m.
/// </summary>
public static class SimplexLattice
{
    /// <summary>Largest number of lattice points returned; beyond it the call fails rather than exhausting memory.</summary>
    public const int MaximumPoints = 1_000_000;

    /// <summary>The lattice points over <paramref name="domains"/> domains.</summary>
    /// <param name="domains">Number of domains k ≥ 1.</param>
    /// <param name="resolution">R ≥ 1: shares are multiples of 1/R.</param>
    /// <param name="minimumWeight">Every share is at least this (in [0, 1/k]). Default 0 (vertices included).</param>
    /// <exception cref="ArgumentException">An argument is out of range, no point satisfies the minimum, or the lattice is too large.</exception>
    public static ImmutableArray<ImmutableArray<double>> Points(int domains, int resolution, double minimumWeight = 0)
    {
        if (domains < 1) throw new ArgumentException($"The lattice needs at least one domain (got {domains}).");
        if (resolution < 1) throw new ArgumentException($"The lattice resolution must be at least 1 (got {resolution}).");
        if (!(minimumWeight >= 0) || !double.IsFinite(minimumWeight)) throw new ArgumentException($"The minimum weight must be a finite number ≥ 0 (got {minimumWeight}).");
        int least = (int)Math.Ceiling(minimumWeight * resolution - 1e-9);
        int free = resolution - domains * least;
        if (free < 0)
            throw new ArgumentException($"No lattice point has every one of {domains} shares ≥ {minimumWeight} at resolution {resolution} (the minimum shares sum above 1).");
        double count = 1;
        for (int i = 1; i < domains; i++) count = count * (free + i) / i;
        if (count > MaximumPoints)
            throw new ArgumentException($"The lattice would have {count:G4} points (more than {MaximumPoints}); lower the resolution or raise the minimum weight.");
        var result = ImmutableArray.CreateBuilder<ImmutableArray<double>>((int)Math.Round(count));
        var units = new int[domains];
        Fill(units, 0, free, least, resolution, result);
        return result.ToImmutable();
    }

    private static void Fill(int[] units, int index, int remaining, int least, int resolution, ImmutableArray<ImmutableArray<double>>.Builder result)
    {
        if (index == units.Length - 1)
        {
            units[index] = remaining;
            result.Add(units.Select(u => (double)(u + least) / resolution).ToImmutableArray());
            return;
        }
        for (int u = remaining; u >= 0; u--)
        {
            units[index] = u;
            Fill(units, index + 1, remaining - u, least, resolution, result);
        }
    }
}
