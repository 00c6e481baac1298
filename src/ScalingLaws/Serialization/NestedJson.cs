using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>The one reader and writer of nested predictions (<see cref="NestedPredictionDocument"/>, <c>"kind": "nested-prediction"</c>, schema <c>docs/schema/nested-prediction.schema.json</c>). Writing what was read gives the same bytes.</summary>
public static class NestedJson
{
    /// <summary>Serialises a <see cref="NestedPredictionDocument"/> (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(NestedPredictionDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.NestedPredictionDocument);

    /// <summary>Reads a <c>nested-prediction</c> document, checking its schema version, kind and members.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a nested-prediction document of this schema version (the message names both versions).</exception>
    public static NestedPredictionDocument Read(string json, string source) => DocumentJson.Read(json, source, DocumentJsonContext.Default.NestedPredictionDocument, "nested-prediction");
}
