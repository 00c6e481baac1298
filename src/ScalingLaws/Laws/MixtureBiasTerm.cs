namespace ScalingLaws.Laws;

/// <summary>
/// The mixture bias term of Shukor et al.'s laws, 1/S with S = Σ_i C_i·h_i^γ_i, and its gradient with
/// respect to the C_i and γ_i. With h_i = 0 and γ_i &gt; 0 the domain contributes 0 and ∂/∂γ_i is 0.
/// </summary>
internal static class MixtureBiasTerm
{
    /// <summary>S = Σ_i C_i·h_i^γ_i.</summary>
    public static double Sum(ReadOnlySpan<double> c, ReadOnlySpan<double> gamma, ReadOnlySpan<double> h)
    {
        double s = 0;
        for (int i = 0; i < h.Length; i++) s += c[i] * Math.Pow(h[i], gamma[i]);
        return s;
    }

    /// <summary>Returns 1/S and writes ∂(1/S)/∂C_i into <paramref name="gradientC"/> and ∂(1/S)/∂γ_i into <paramref name="gradientGamma"/>.</summary>
    public static double WithGradient(ReadOnlySpan<double> c, ReadOnlySpan<double> gamma, ReadOnlySpan<double> h,
        Span<double> gradientC, Span<double> gradientGamma)
    {
        Span<double> logH = h.Length <= 64 ? stackalloc double[h.Length] : new double[h.Length];
        for (int i = 0; i < h.Length; i++) logH[i] = Math.Log(h[i]);
        return WithGradient(c, gamma, h, logH, gradientC, gradientGamma);
    }

    /// <summary>
    /// As <see cref="WithGradient(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})"/>
    /// with log h_i given (<paramref name="logH"/>, from <see cref="Math.Log(double)"/>): the same values, without the logarithms.
    /// </summary>
    public static double WithGradient(ReadOnlySpan<double> c, ReadOnlySpan<double> gamma, ReadOnlySpan<double> h, ReadOnlySpan<double> logH,
        Span<double> gradientC, Span<double> gradientGamma)
    {
        double s = 0;
        for (int i = 0; i < h.Length; i++)
        {
            double power = Math.Pow(h[i], gamma[i]);
            double powerByGamma = h[i] == 0 ? 0 : power * logH[i];
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

    /// <summary>Formula text <c>C_a*h_a^gamma_a + …</c> for the given columns and parameter-name suffixes.</summary>
    public static string Text(IReadOnlyList<string> columns) =>
        string.Join(" + ", columns.Select(d => $"C_{DomainColumns.Suffix(d)}*{d}^gamma_{DomainColumns.Suffix(d)}"));
}
