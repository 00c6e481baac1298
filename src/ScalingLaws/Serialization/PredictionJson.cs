using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>The one reader and writer of predictions (<see cref="PredictionsDocument"/>, <c>"kind": "predictions"</c>, schema <c>docs/schema/predictions.schema.json</c>). Writing what was read gives the same bytes.</summary>
public static class PredictionJson
{
    /// <summary>Serialises a <see cref="PredictionsDocument"/> (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(PredictionsDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.PredictionsDocument);

    /// <summary>Reads a <c>predictions</c> document, checking its schema version, kind and members.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a predictions document of this schema version (the message names both versions).</exception>
    public static PredictionsDocument Read(string json, string source) => DocumentJson.Read(json, source, DocumentJsonContext.Default.PredictionsDocument, "predictions");
}
