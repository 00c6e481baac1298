namespace ScalingLaws.Serialization.Documents;

/// <summary>What a sweep job leaves in its folder (<c>"kind": "sweep-job"</c>, schema <c>docs/schema/sweep-job.schema.json</c>): <c>job.json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>sweep-job</c>.</param>
/// <param name="Key">The job's key when it ran.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="ElapsedMs">Its wall time in milliseconds.</param>
public sealed record SweepJobDocument(
    int SchemaVersion,
    string Kind,
    string Key,
    int ExitCode,
    long ElapsedMs);
