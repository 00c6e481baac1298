using System.Collections.Immutable;

namespace ScalingLaws.Optimization.Compute;

/// <summary>
/// The compute-optimal frontier N_opt(C), D_opt(C) over a range of budgets, with the exponents of the
/// power laws N_opt ∝ C^a and D_opt ∝ C^b fitted by least squares in log–log space.
/// </summary>
/// <param name="Points">One allocation per budget, by increasing compute.</param>
/// <param name="ModelSizeExponent">a, the log–log slope of N_opt against C (NaN with fewer than 2 points).</param>
/// <param name="TokensExponent">b, the log–log slope of D_opt against C (NaN with fewer than 2 points).</param>
public sealed record ComputeFrontier(ImmutableArray<BudgetAllocation> Points, double ModelSizeExponent, double TokensExponent)
{
    /// <summary>The frontier of <paramref name="points"/>, sorted by compute, with fitted exponents.</summary>
    /// <param name="points">Allocations.</param>
    public static ComputeFrontier Create(IEnumerable<BudgetAllocation> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.Compute).ToImmutableArray();
        return new ComputeFrontier(sorted, Slope(sorted, p => p.ModelSize), Slope(sorted, p => p.Tokens));
    }

    private static double Slope(ImmutableArray<BudgetAllocation> points, Func<BudgetAllocation, double> y)
    {
        var usable = points.Where(p => p.Compute > 0 && y(p) > 0 && double.IsFinite(y(p))).ToList();
        if (usable.Count < 2) return double.NaN;
        double mx = usable.Average(p => Math.Log(p.Compute)), my = usable.Average(p => Math.Log(y(p)));
        double sxy = usable.Sum(p => (Math.Log(p.Compute) - mx) * (Math.Log(y(p)) - my));
        double sxx = usable.Sum(p => (Math.Log(p.Compute) - mx) * (Math.Log(p.Compute) - mx));
        return sxx > 0 ? sxy / sxx : double.NaN;
    }
}
