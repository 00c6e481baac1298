using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>The one reader and writer of a sweep's index (<see cref="SweepIndexDocument"/>, <c>"kind": "sweep"</c>, schema <c>docs/schema/sweep.schema.json</c>). Writing what was read gives the same bytes.</summary>
public static class SweepIndexJson
{
    /// <summary>Serialises a <see cref="SweepIndexDocument"/> (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(SweepIndexDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.SweepIndexDocument);

    /// <summary>Reads a <c>sweep</c> document, checking its schema version, kind and members.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a sweep document of this schema version (the message names both versions).</exception>
    public static SweepIndexDocument Read(string json, string source) => DocumentJson.Read(json, source, DocumentJsonContext.Default.SweepIndexDocument, "sweep");
}
