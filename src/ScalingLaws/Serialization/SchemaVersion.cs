namespace ScalingLaws.Serialization;

/// <summary>The version of every JSON document ScalingLaws writes (<c>"schemaVersion"</c>).</summary>
public static class SchemaVersion
{
    /// <summary>Current version: 1.</summary>
    public const int Current = 1;
}
