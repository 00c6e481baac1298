using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>A simulation of design strategies (<c>"kind": "design-simulation"</c>, schema <c>docs/schema/design-simulation.schema.json</c>).</summary>
/// <param name="SchemaVersion">Document schema version (<see cref="Serialization.SchemaVersion.Current"/>).</param>
/// <param name="Kind">Always <c>design-simulation</c>.</param>
/// <param name="Seeds">Simulated users.</param>
/// <param name="Error">What error is measured.</param>
/// <param name="Points">Median errors by run count.</param>
/// <param name="TargetError">The error goal, or null.</param>
/// <param name="MedianRunsNext">Median runs to reach it choosing with --next, or null.</param>
/// <param name="MedianRunsRandom">Median runs to reach it choosing at random, or null.</param>
public sealed record DesignSimulationDocument(
    int SchemaVersion,
    string Kind,
    int Seeds,
    string Error,
    ImmutableArray<DesignSimulationPointEntry> Points,
    double? TargetError,
    double? MedianRunsNext,
    double? MedianRunsRandom);
