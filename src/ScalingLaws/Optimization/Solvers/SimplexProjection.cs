namespace ScalingLaws.Optimization.Solvers;

/// <summary>
/// Exact Euclidean projection onto the bounded simplex {h : Σh = 1, l ≤ h ≤ u}: the projection is
/// hⱼ = clip(vⱼ − τ, lⱼ, uⱼ) for the τ at which the weights sum to 1. The sum is a continuous,
/// non-increasing, piecewise-linear function of τ with breakpoints vⱼ − uⱼ and vⱼ − lⱼ; τ is found by
/// binary search over the sorted breakpoints and solved linearly on its segment (O(k log k)).
/// </summary>
internal static class SimplexProjection
{
    /// <summary>Whether the bounded simplex is non-empty: Σl ≤ 1 ≤ Σu and l ≤ u.</summary>
    public static bool IsNonEmpty(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        double sl = 0, su = 0;
        for (int j = 0; j < lower.Length; j++)
        {
            if (lower[j] > upper[j]) return false;
            sl += lower[j]; su += upper[j];
        }
        return sl <= 1 + 1e-12 && su >= 1 - 1e-12;
    }

    /// <summary>Projects <paramref name="v"/> into <paramref name="result"/> (which may alias <paramref name="v"/>).</summary>
    public static void Project(ReadOnlySpan<double> v, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, Span<double> result)
    {
        int k = v.Length;
        Span<double> breaks = k <= 64 ? stackalloc double[2 * k] : new double[2 * k];
        for (int j = 0; j < k; j++)
        {
            breaks[2 * j] = v[j] - upper[j];
            breaks[2 * j + 1] = v[j] - lower[j];
        }
        breaks.Sort();
        // Sum(τ) ≥ 1 at breaks[0] (all at upper) and ≤ 1 at breaks[^1] (all at lower).
        int lo = 0, hi = 2 * k - 1;
        if (Sum(v, lower, upper, breaks[lo]) <= 1) { Clip(v, lower, upper, breaks[lo], result); Fix(lower, upper, result); return; }
        if (Sum(v, lower, upper, breaks[hi]) >= 1) { Clip(v, lower, upper, breaks[hi], result); Fix(lower, upper, result); return; }
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (Sum(v, lower, upper, breaks[mid]) >= 1) lo = mid; else hi = mid;
        }
        double a = breaks[lo], b = breaks[hi];
        double sa = Sum(v, lower, upper, a), sb = Sum(v, lower, upper, b);
        double tau = sa == sb ? a : a + (sa - 1) * (b - a) / (sa - sb);
        Clip(v, lower, upper, tau, result);
        Fix(lower, upper, result);
    }

    private static double Sum(ReadOnlySpan<double> v, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double tau)
    {
        double s = 0;
        for (int j = 0; j < v.Length; j++) s += Math.Clamp(v[j] - tau, lower[j], upper[j]);
        return s;
    }

    private static void Clip(ReadOnlySpan<double> v, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double tau, Span<double> result)
    {
        for (int j = 0; j < v.Length; j++) result[j] = Math.Clamp(v[j] - tau, lower[j], upper[j]);
    }

    /// <summary>Removes the rounding error of the sum by spreading it over the coordinates strictly inside their bounds.</summary>
    private static void Fix(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, Span<double> h)
    {
        for (int pass = 0; pass < 3; pass++)
        {
            double s = 0;
            foreach (double x in h) s += x;
            double excess = s - 1;
            if (excess == 0) return;
            int best = -1;
            double room = 0;
            for (int j = 0; j < h.Length; j++)
            {
                double r = excess > 0 ? h[j] - lower[j] : upper[j] - h[j];
                if (r > room) { room = r; best = j; }
            }
            if (best < 0) return;
            h[best] = Math.Clamp(h[best] - excess, lower[best], upper[best]);
        }
    }
}
