using System.Collections.Immutable;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// The trade-off between two losses: mixtures none of which is beaten on both losses by another,
/// sorted by increasing first loss (so decreasing second loss).
/// </summary>
/// <param name="Domains">Training domains, in the order of each point's weights.</param>
/// <param name="First">Name of the first loss (e.g. the domain loss).</param>
/// <param name="Second">Name of the second loss (e.g. the general loss).</param>
/// <param name="Points">Non-dominated points, by increasing first loss.</param>
public sealed record ParetoFront(ImmutableArray<string> Domains, string First, string Second, ImmutableArray<ParetoPoint> Points)
{
    /// <summary>The non-dominated subset of <paramref name="points"/>, sorted by the first loss (ties by the second).</summary>
    /// <param name="domains">Training domains.</param>
    /// <param name="first">Name of the first loss.</param>
    /// <param name="second">Name of the second loss.</param>
    /// <param name="points">Candidate points (non-finite losses are dropped).</param>
    public static ParetoFront Create(IEnumerable<string> domains, string first, string second, IEnumerable<ParetoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.Where(p => double.IsFinite(p.FirstLoss) && double.IsFinite(p.SecondLoss))
            .OrderBy(p => p.FirstLoss).ThenBy(p => p.SecondLoss).ToList();
        var front = ImmutableArray.CreateBuilder<ParetoPoint>();
        double bestSecond = double.PositiveInfinity;
        foreach (var p in sorted)
            if (p.SecondLoss < bestSecond)
            {
                front.Add(p);
                bestSecond = p.SecondLoss;
            }
        return new ParetoFront(domains.ToImmutableArray(), first, second, front.ToImmutable());
    }
}
