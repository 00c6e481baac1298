using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization;

/// <summary>Doubles in the round-trip format; a non-finite value is written as <c>null</c>, and <c>null</c> reads as NaN.</summary>
internal sealed class FiniteNumberConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        else writer.WriteNullValue();
    }
}
