using ScalingLaws.Serialization.Documents;
using ScalingLaws.Validation;

namespace ScalingLaws.Serialization;

/// <summary>The one reader and writer of law comparisons (<see cref="ComparisonDocument"/>, <c>"kind": "comparison"</c>, schema <c>docs/schema/comparison.schema.json</c>). Writing what was read gives the same bytes.</summary>
public static class ComparisonJson
{
    /// <summary>The document of a comparison.</summary>
    /// <param name="result">The comparison.</param>
    public static ComparisonDocument ToDocument(LawComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ComparisonDocument(SchemaVersion.Current, "comparison", result.Target, result.Criterion.ToString(),
            [.. result.Rows.Select(x => new ComparisonEntry(x.Rank, x.Label, x.Law.Parameters.Length, x.ResidualSumOfSquares, x.Aic, x.Aicc, x.Bic,
                x.AkaikeWeight, x.Score, x.Fit.IsUsable))]);
    }

    /// <summary>Serialises a <see cref="ComparisonDocument"/> (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(ComparisonDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.ComparisonDocument);

    /// <summary>Reads a <c>comparison</c> document, checking its schema version, kind and members.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a comparison document of this schema version (the message names both versions).</exception>
    public static ComparisonDocument Read(string json, string source) => DocumentJson.Read(json, source, DocumentJsonContext.Default.ComparisonDocument, "comparison");
}
