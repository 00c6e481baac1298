using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ScalingLaws.Serialization;

/// <summary>
/// The one way a typed document becomes text and back: indented, non-ASCII text (≥, ½, names) left readable, through its
/// source-generated metadata in <see cref="DocumentJsonContext"/>. Each document's own reader and writer (<c>FitJson</c>,
/// <c>PredictionJson</c>, …) call these two.
/// </summary>
internal static class DocumentJson
{
    /// <summary>The document as indented JSON (no final newline).</summary>
    public static string Write<T>(T document, JsonTypeInfo<T> info)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            JsonSerializer.Serialize(w, document, info);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Reads a document of kind <paramref name="kind"/>: valid JSON, the current schema version (<see cref="SchemaVersion.Check"/>,
    /// whose message names both versions), the kind, and every required member.
    /// </summary>
    /// <exception cref="FormatException">Any of these fails; the message starts with <paramref name="source"/>.</exception>
    public static T Read<T>(string json, string source, JsonTypeInfo<T> info, string kind) =>
        Read(json, source, (root, _) => root.Deserialize(info) ?? throw new FormatException($"{source}: the {kind} document is empty."), kind);

    /// <summary>
    /// Parses <paramref name="json"/>, checks its schema version and that its kind is one of <paramref name="kinds"/>, then
    /// reads its root with <paramref name="read"/> (given the kind); a member that does not deserialise is reported as malformed.
    /// </summary>
    /// <exception cref="FormatException">Not valid JSON, another version or kind, or a malformed member; the message starts with <paramref name="source"/>.</exception>
    public static T Read<T>(string json, string source, Func<JsonElement, string, T> read, params string[] kinds)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(read);
        JsonDocument parsed;
        try { parsed = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new FormatException($"{source}: not valid JSON ({e.Message})"); }
        using (parsed)
        {
            string kind = SchemaVersion.Check(parsed.RootElement, source, kinds);
            try { return read(parsed.RootElement, kind); }
            catch (JsonException e) { throw new FormatException($"{source}: malformed {kind} document: {e.Message}"); }
        }
    }

    /// <summary>The <c>kind</c> of a ScalingLaws document, or null when <paramref name="json"/> is not one.</summary>
    public static string? KindOf(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json);
            var root = parsed.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schemaVersion", out _) && root.TryGetProperty("kind", out var k)
                && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        }
        catch (JsonException) { return null; }
    }
}
