using System.Globalization;

namespace ScalingLaws.Uncertainty;

/// <summary>A bootstrap percentile interval: the (1 − level)/2 and (1 + level)/2 quantiles of the replicates, and their median.</summary>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="Median">Median of the replicates.</param>
/// <param name="Level">Coverage, e.g. 0.95.</param>
public sealed record BootstrapInterval(double Lower, double Upper, double Median, double Level)
{
    /// <summary>
    /// The percentile interval of <paramref name="values"/> (non-finite values ignored), with linear
    /// interpolation between order statistics (numpy's default "linear" method).
    /// </summary>
    /// <param name="values">Replicate values.</param>
    /// <param name="level">Coverage in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is not in (0, 1).</exception>
    public static BootstrapInterval Percentile(IEnumerable<double> values, double level)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(nameof(level), level, string.Create(CultureInfo.InvariantCulture, $"The interval level must be in (0, 1) (got {level})."));
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return new BootstrapInterval(double.NaN, double.NaN, double.NaN, level);
        return new BootstrapInterval(Quantile(sorted, (1 - level) / 2), Quantile(sorted, (1 + level) / 2), Quantile(sorted, 0.5), level);
    }

    /// <summary>Whether <paramref name="value"/> lies in [Lower, Upper].</summary>
    /// <param name="value">A value.</param>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    private static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int i = (int)Math.Floor(position);
        if (i >= sorted.Length - 1) return sorted[^1];
        double t = position - i;
        return sorted[i] + t * (sorted[i + 1] - sorted[i]);
    }
}
