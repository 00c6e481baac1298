using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>The one reader and writer of a sweep job's record (<see cref="SweepJobDocument"/>, <c>"kind": "sweep-job"</c>, schema <c>docs/schema/sweep-job.schema.json</c>). Writing what was read gives the same bytes.</summary>
public static class SweepJobJson
{
    /// <summary>Serialises a <see cref="SweepJobDocument"/> (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(SweepJobDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.SweepJobDocument);

    /// <summary>Reads a <c>sweep-job</c> document, checking its schema version, kind and members.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a sweep-job document of this schema version (the message names both versions).</exception>
    public static SweepJobDocument Read(string json, string source) => DocumentJson.Read(json, source, DocumentJsonContext.Default.SweepJobDocument, "sweep-job");
}
