using ScalingLaws.Laws;
using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>The one reader and writer of the law catalogue (<see cref="LawCatalogDocument"/>, <c>"kind": "laws"</c>, schema <c>docs/schema/laws.schema.json</c>). Writing what was read gives the same bytes.</summary>
public static class LawCatalogJson
{
    /// <summary>The document of catalogue entries.</summary>
    /// <param name="entries">The entries.</param>
    public static LawCatalogDocument ToDocument(IEnumerable<LawCatalogEntry> entries) =>
        new(SchemaVersion.Current, "laws", [.. entries.Select(e => new LawEntry(e.Name, e.Summary, e.GeneralForm, e.Formula, e.RequiresDomains, e.Variables,
            [.. e.Parameters.Select(p => new LawParameterEntry(p.Name, p.Lower, p.Upper, p.Description))], e.Citation))]);

    /// <summary>Serialises a <see cref="LawCatalogDocument"/> (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(LawCatalogDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.LawCatalogDocument);

    /// <summary>Reads a <c>laws</c> document, checking its schema version, kind and members.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a laws document of this schema version (the message names both versions).</exception>
    public static LawCatalogDocument Read(string json, string source) => DocumentJson.Read(json, source, DocumentJsonContext.Default.LawCatalogDocument, "laws");
}
