using System.Text.Json;

namespace ScalingLaws.Serialization;

/// <summary>The version of every JSON document ScalingLaws writes (<c>"schemaVersion"</c>).</summary>
public static class SchemaVersion
{
    /// <summary>Current version: 1.</summary>
    public const int Current = 1;

    /// <summary>
    /// Checks that <paramref name="root"/> is a ScalingLaws document of the current schema version and one of
    /// <paramref name="kinds"/>, and returns its kind.
    /// </summary>
    /// <param name="root">The document's root.</param>
    /// <param name="source">File name (or other label) the messages start with.</param>
    /// <param name="kinds">Accepted values of <c>"kind"</c>.</param>
    /// <exception cref="FormatException">
    /// Not an object, no <c>schemaVersion</c>, another version (given as a number or as a string: the message names
    /// both versions), or another kind.
    /// </exception>
    public static string Check(JsonElement root, string source, params string[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schemaVersion", out var version))
            throw new FormatException($"{source}: not a ScalingLaws document (no \"schemaVersion\").");
        bool current = version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out int v) && v == Current;
        if (!current)
        {
            string shown = version.ValueKind == JsonValueKind.String ? $"\"{version.GetString()}\" (a string)" : version.GetRawText();
            throw new FormatException($"{source}: schemaVersion {shown} is not supported; this version of ScalingLaws reads schemaVersion {Current} (a number). Write the file again with this version.");
        }
        string kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "";
        if (!kinds.Contains(kind, StringComparer.Ordinal))
            throw new FormatException($"{source}: a \"{kind}\" document is not accepted here; expected kind {string.Join(" or ", kinds.Select(x => $"\"{x}\""))}.");
        return kind;
    }
}
