using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The index of a sweep (<c>"kind": "sweep"</c>, schema <c>docs/schema/sweep.schema.json</c>): <c>sweep.json</c>.</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>sweep</c>.</param>
/// <param name="Jobs">Jobs.</param>
/// <param name="Failed">Jobs that did not end with status ok.</param>
/// <param name="Rows">One row per job, in sweep order.</param>
public sealed record SweepIndexDocument(
    int SchemaVersion,
    string Kind,
    int Jobs,
    int Failed,
    ImmutableArray<SweepRowEntry> Rows);
