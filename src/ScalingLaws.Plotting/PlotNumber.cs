using System.Globalization;

namespace ScalingLaws.Plotting;

/// <summary>
/// How every figure and report writes numbers: culture-invariant, at most three significant digits on axes,
/// and "1e9 style" (mantissa, <c>e</c>, exponent: <c>1e9</c>, <c>2.5e9</c>, <c>1e-4</c>) outside [0.001, 10,000).
/// </summary>
public static class PlotNumber
{
    /// <summary>
    /// A tick or legend label with at most <paramref name="significantDigits"/> significant digits:
    /// <c>0.5</c>, <c>2</c>, <c>300</c>, <c>2500</c>, <c>1e9</c>, <c>2.5e9</c>, <c>1.4e12</c>, <c>-3e-5</c>.
    /// </summary>
    /// <param name="value">The number; NaN and infinities are written as <c>NaN</c>, <c>∞</c> and <c>-∞</c>.</param>
    /// <param name="significantDigits">Significant digits kept, 1 to 15; default 3.</param>
    public static string Format(double value, int significantDigits = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(significantDigits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(significantDigits, 15);
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "∞";
        if (double.IsNegativeInfinity(value)) return "-∞";
        if (value == 0) return "0";
        double rounded = RoundSignificant(value, significantDigits);
        double magnitude = Math.Abs(rounded);
        if (magnitude >= 1e-3 && magnitude < 1e4)
            return rounded.ToString("0.###############", CultureInfo.InvariantCulture);
        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        double mantissa = rounded / Math.Pow(10, exponent);
        if (Math.Abs(mantissa) >= 9.9999999) { mantissa /= 10; exponent++; }
        mantissa = RoundSignificant(mantissa, significantDigits);
        return mantissa.ToString("0.##############", CultureInfo.InvariantCulture) + "e" +
               exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A number for a table: <see cref="Format(double, int)"/> with four significant digits.</summary>
    /// <param name="value">The number.</param>
    public static string Table(double value) => Format(value, 4);

    /// <summary>A fraction as a percentage with one decimal: <c>0.1234</c> → <c>12.3%</c>.</summary>
    /// <param name="fraction">The fraction (1 = 100%).</param>
    public static string Percent(double fraction) =>
        double.IsFinite(fraction)
            ? (100 * fraction).ToString("0.0", CultureInfo.InvariantCulture) + "%"
            : Format(fraction);

    internal static double RoundSignificant(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value)) return value;
        // "E" formatting rounds to the given number of significant digits and parses back exactly.
        return double.Parse(value.ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            CultureInfo.InvariantCulture);
    }
}
