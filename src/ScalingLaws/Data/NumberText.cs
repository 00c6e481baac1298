using System.Globalization;

namespace ScalingLaws.Data;

/// <summary>
/// Parses numbers as they appear in run logs: invariant culture, <see cref="NumberStyles.Float"/>
/// (sign, decimal point, exponent; no thousands separators, so <c>1,5e8</c> is not a number),
/// optionally followed by one unit suffix: <c>k</c> or <c>K</c> = 10³, <c>M</c> = 10⁶,
/// <c>B</c> or <c>G</c> = 10⁹, <c>T</c> = 10¹². Lower-case <c>m</c>, <c>b</c>, <c>g</c> and
/// <c>t</c> are not suffixes (<c>m</c> would be read as milli), so <c>70m</c> is not a number.
/// Missing-value markers (empty, <c>NA</c>, <c>N/A</c>, <c>NaN</c>, <c>null</c>, <c>None</c>,
/// any case) are recognised by <see cref="IsMissing"/>.
/// </summary>
public static class NumberText
{
    private static readonly string[] MissingMarkers = ["NA", "N/A", "NaN", "null", "None"];

    /// <summary>Parses <paramref name="text"/> (surrounding whitespace ignored) as a number with an optional unit suffix.</summary>
    /// <param name="text">The cell text.</param>
    /// <param name="value">The value, or 0 when the text is not a number.</param>
    /// <returns>Whether the text is a number. Missing-value markers are not numbers.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty || IsMissing(text)) return false;
        int exponent = SuffixExponent(text[^1]);
        if (exponent == 0)
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        var body = text[..^1];
        if (body.IsEmpty || char.IsWhiteSpace(body[^1])) return false;
        if (!double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number)) return false;
        // Without an exponent of its own, "1.4B" is parsed as "1.4E9" so that it rounds exactly once.
        value = body.IndexOfAny('e', 'E') < 0
            ? double.Parse(string.Concat(body, "E", exponent.ToString(CultureInfo.InvariantCulture)), NumberStyles.Float, CultureInfo.InvariantCulture)
            : number * Math.Pow(10, exponent);
        return double.IsFinite(value);
    }

    /// <summary>Parses <paramref name="text"/> as <see cref="TryParse"/> does.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a number.</exception>
    public static double Parse(string text) =>
        TryParse(text, out double value) ? value : throw new FormatException($"'{text}' is not a number.");

    /// <summary>Whether <paramref name="text"/> is empty, whitespace, or a missing-value marker.</summary>
    /// <param name="text">The cell text.</param>
    public static bool IsMissing(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty) return true;
        foreach (var marker in MissingMarkers)
            if (text.Equals(marker, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static int SuffixExponent(char suffix) => suffix switch
    {
        'k' or 'K' => 3,
        'M' => 6,
        'B' or 'G' => 9,
        'T' => 12,
        _ => 0,
    };
}
