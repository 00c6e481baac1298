namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Output format of a command (<c>--format</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Human-readable text.</summary>
    Table,

    /// <summary>Versioned JSON with <c>schemaVersion</c>.</summary>
    Json,

    /// <summary>CSV with a header row.</summary>
    Csv,
}
