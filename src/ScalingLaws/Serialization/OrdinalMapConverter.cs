using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ScalingLaws.Serialization;

/// <summary>A JSON object read into, and written from, a map sorted by ordinal key order (so documents are byte-stable).</summary>
/// <typeparam name="T">Value type, registered in <see cref="DocumentJsonContext"/>.</typeparam>
internal sealed class OrdinalMapConverter<T> : JsonConverter<ImmutableSortedDictionary<string, T>>
{
    public override ImmutableSortedDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Expected an object.");
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var builder = ImmutableSortedDictionary.CreateBuilder<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (builder.ContainsKey(name)) throw new JsonException($"'{name}' is given twice.");
            builder[name] = JsonSerializer.Deserialize(ref reader, info)!;
        }
        return builder.ToImmutable();
    }

    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, T> value, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartObject();
        foreach (var (name, item) in value.WithComparers(StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, item, info);
        }
        writer.WriteEndObject();
    }
}
