using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A Pareto front between two losses (<c>"kind": "pareto-front"</c>, schema <c>docs/schema/pareto-front.schema.json</c>).</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>pareto-front</c>.</param>
/// <param name="Domains">Domains, in weight order.</param>
/// <param name="First">First loss.</param>
/// <param name="Second">Second loss.</param>
/// <param name="Points">Non-dominated points by increasing first loss.</param>
public sealed record ParetoFrontDocument(
    int SchemaVersion,
    string Kind,
    ImmutableArray<string> Domains,
    string First,
    string Second,
    ImmutableArray<ParetoPointEntry> Points);
