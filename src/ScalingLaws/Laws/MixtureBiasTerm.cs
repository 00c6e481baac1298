using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// The mixture bias term of Shukor et al.'s laws written about the uniform mixture: 1/S with
/// S = Σ_i C_i·(k·h_i)^γ_i, k the number of domains, and its gradient with respect to the C_i and γ_i.
/// C_i is domain i's weight at the uniform share h_i = 1/k (the paper's C_i at h_i = 1 is C_i·k^γ_i).
/// Measured at 1/k, where mixtures put their weight, C_i and γ_i are nearly uncorrelated; measured at
/// h_i = 1, far outside the data, the paper's C_i grows with γ_i along a curved valley (C_i → ∞ with
/// γ_i → ∞ fits as well). With h_i = 0 and γ_i &gt; 0 the domain contributes 0 and ∂/∂γ_i is 0.
/// </summary>
internal static class MixtureBiasTerm
{
    /// <summary>
    /// Upper bound of the exponents γ_i. Beyond it (k·h_i)^γ_i is a step in the share (at γ = 5 a domain at
    /// twice the uniform share counts 32 times one at the uniform share, one at half of it 1/32), and a fit
    /// that runs γ_i → ∞ with C_i → 0 only switches the domain on for the one or two mixtures with the largest
    /// share; the bound stops that runaway, which otherwise ends in a rank-deficient Jacobian.
    /// </summary>
    public const double MaxExponent = 5;

    /// <summary>S = Σ_i C_i·(k·h_i)^γ_i with k = h.Length.</summary>
    public static double Sum(ReadOnlySpan<double> c, ReadOnlySpan<double> gamma, ReadOnlySpan<double> h)
    {
        double s = 0, k = h.Length;
        for (int i = 0; i < h.Length; i++) s += c[i] * Math.Pow(k * h[i], gamma[i]);
        return s;
    }

    /// <summary>
    /// The mixture laws' row cache for a row (N, D, h_1…h_k) of <paramref name="k"/> domains: the row itself,
    /// then log N, log D and log(k·h_1)…log(k·h_k).
    /// </summary>
    public static void FillCache(ReadOnlySpan<double> x, Span<double> cache, int k)
    {
        int m = 2 + k;
        RowCache.CheckRow(2 * m, m, x.Length, cache.Length);
        x.CopyTo(cache);
        cache[m] = Math.Log(x[0]);
        cache[m + 1] = Math.Log(x[1]);
        Logs(x[2..], cache.Slice(m + 2, k));
    }

    /// <summary>log(k·h_i) for every share (−∞ for h_i = 0), as the row cache and the gradient use it.</summary>
    public static void Logs(ReadOnlySpan<double> h, Span<double> logs)
    {
        double k = h.Length;
        for (int i = 0; i < h.Length; i++) logs[i] = Math.Log(k * h[i]);
    }

    /// <summary>Returns 1/S and writes ∂(1/S)/∂C_i into <paramref name="gradientC"/> and ∂(1/S)/∂γ_i into <paramref name="gradientGamma"/>.</summary>
    public static double WithGradient(ReadOnlySpan<double> c, ReadOnlySpan<double> gamma, ReadOnlySpan<double> h,
        Span<double> gradientC, Span<double> gradientGamma)
    {
        Span<double> logs = h.Length <= 64 ? stackalloc double[h.Length] : new double[h.Length];
        Logs(h, logs);
        return WithGradient(c, gamma, h, logs, gradientC, gradientGamma);
    }

    /// <summary>
    /// As <see cref="WithGradient(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})"/>
    /// with log(k·h_i) given (<paramref name="logs"/>, from <see cref="Logs"/>): the same values, without the logarithms.
    /// </summary>
    public static double WithGradient(ReadOnlySpan<double> c, ReadOnlySpan<double> gamma, ReadOnlySpan<double> h, ReadOnlySpan<double> logs,
        Span<double> gradientC, Span<double> gradientGamma)
    {
        double s = 0, k = h.Length;
        for (int i = 0; i < h.Length; i++)
        {
            double power = Math.Pow(k * h[i], gamma[i]);
            double powerByGamma = h[i] == 0 ? 0 : power * logs[i];
            s += c[i] * power;
            gradientC[i] = power;
            gradientGamma[i] = c[i] * powerByGamma;
        }
        double minusInverseSquare = -1 / (s * s);
        for (int i = 0; i < h.Length; i++)
        {
            gradientC[i] *= minusInverseSquare;
            gradientGamma[i] *= minusInverseSquare;
        }
        return 1 / s;
    }

    /// <summary>∂(1/S)/∂h_i = −C_i·γ_i·k·(k·h_i)^(γ_i−1)/S² (0 when C_i or γ_i is 0), written into <paramref name="dh"/>; returns S.</summary>
    public static double ShareDerivatives(ReadOnlySpan<double> c, ReadOnlySpan<double> gamma, ReadOnlySpan<double> h, Span<double> dh)
    {
        double s = Sum(c, gamma, h), k = h.Length;
        double inverseSquare = 1 / (s * s);
        for (int i = 0; i < h.Length; i++)
            dh[i] = c[i] == 0 || gamma[i] == 0 ? 0 : -c[i] * gamma[i] * k * Math.Pow(k * h[i], gamma[i] - 1) * inverseSquare;
        return s;
    }

    /// <summary>Formula text <c>C_a*(k*h_a)^gamma_a + …</c> for the given columns, k their number.</summary>
    public static string Text(IReadOnlyList<string> columns) =>
        string.Join(" + ", columns.Select(d => $"C_{DomainColumns.Suffix(d)}*({columns.Count}*{d})^gamma_{DomainColumns.Suffix(d)}"));
}
