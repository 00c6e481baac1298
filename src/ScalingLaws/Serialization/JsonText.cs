using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ScalingLaws.Serialization;

/// <summary>Writes one indented JSON document, non-ASCII text (≥, ½, names) left readable.</summary>
public static class JsonText
{
    /// <summary>
    /// The object <c>{ "schemaVersion": …, "kind": <paramref name="kind"/>, … }</c> with the members
    /// <paramref name="body"/> writes; without the two header members when <paramref name="kind"/> is null.
    /// </summary>
    public static string Object(string? kind, Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            if (kind is not null)
            {
                w.WriteNumber("schemaVersion", SchemaVersion.Current);
                w.WriteString("kind", kind);
            }
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A typed document, indented like <see cref="Object"/>, through its source-generated metadata.</summary>
    internal static string Write<T>(T document, JsonTypeInfo<T> info)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions)) JsonSerializer.Serialize(w, document, info);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonWriterOptions WriterOptions => new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
