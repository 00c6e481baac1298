using System.Globalization;
using System.Text.Json;

namespace ScalingLaws.Serialization;

/// <summary>Writes doubles in the round-trip format; non-finite values become <c>null</c> (JSON has no NaN).</summary>
public static class JsonNumbers
{
    /// <summary>Writes a named number (null when not finite).</summary>
    public static void Write(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) { w.WritePropertyName(name); w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture)); }
        else w.WriteNull(name);
    }

    /// <summary>Writes a named optional number (null when absent or not finite).</summary>
    public static void Write(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v) Write(w, name, v); else w.WriteNull(name);
    }

    /// <summary>Writes a number as an array element (null when not finite).</summary>
    public static void WriteValue(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        else w.WriteNullValue();
    }

    /// <summary>Reads a number, mapping null to NaN (or to ±∞ for bounds, by <paramref name="nullValue"/>).</summary>
    public static double Read(JsonElement e, double nullValue = double.NaN) =>
        e.ValueKind == JsonValueKind.Null ? nullValue : e.GetDouble();

    /// <summary>
    /// Reads a duration written as its milliseconds (TimeSpan.TotalMilliseconds), rounding to the nearest
    /// tick so that writing it again gives the same number; null reads as zero.
    /// </summary>
    public static TimeSpan ReadMilliseconds(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Round(e.GetDouble() * TimeSpan.TicksPerMillisecond));
}
