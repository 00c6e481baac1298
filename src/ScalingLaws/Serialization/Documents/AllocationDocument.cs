namespace ScalingLaws.Serialization.Documents;

/// <summary>A compute-optimal allocation (<c>"kind": "allocation"</c>, schema <c>docs/schema/allocation.schema.json</c>), written by <c>optimize --budget C=… --format json</c> and <c>cpt --compute</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>allocation</c>.</param>
/// <param name="Allocation">The allocation.</param>
public sealed record AllocationDocument(
    int SchemaVersion,
    string Kind,
    AllocationEntry Allocation);
