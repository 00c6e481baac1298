using System.Collections.Immutable;
using ScalingLaws.Design;
using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Serialization;

/// <summary>
/// The one reader and writer of experiment designs: a run plan (<see cref="RunPlanDocument"/>, <c>"kind": "run-plan"</c>), proposed
/// next runs (<see cref="NextRunsDocument"/>, <c>"next-runs"</c>) and a simulation of design strategies
/// (<see cref="DesignSimulationDocument"/>, <c>"design-simulation"</c>); schemas in <c>docs/schema/</c>. Writing what was read gives
/// the same bytes.
/// </summary>
public static class DesignJson
{
    /// <summary>The document of a run plan.</summary>
    /// <param name="plan">The plan.</param>
    public static RunPlanDocument ToDocument(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new RunPlanDocument(SchemaVersion.Current, "run-plan", plan.Domains, plan.TotalCompute,
            [.. plan.Runs.Select(r => new PlannedRunEntry(r.Id, r.ModelSize, r.Tokens, r.Checkpoints.IsDefault ? [] : r.Checkpoints, Weights(plan.Domains, r.Weights), r.Compute))]);
    }

    /// <summary>The document of proposed next runs.</summary>
    /// <param name="selection">The proposals.</param>
    /// <param name="domains">Domain-weight columns of the candidate runs (empty without mixtures).</param>
    public static NextRunsDocument ToDocument(NextRunSelection selection, ImmutableArray<string> domains)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var s = selection;
        return new NextRunsDocument(SchemaVersion.Current, "next-runs", s.Target.Kind.ToString().ToLowerInvariant(), s.Replicates, s.Variance,
            s.ExpectedVariance, s.TotalCompute,
            [.. s.Components.Select((c, j) => new DecisionComponentEntry(c, s.Estimate[j], s.Intervals[j].Lower, s.Intervals[j].Upper))],
            [.. s.Proposals.Select(p => new NextRunEntry(p.Rank, p.Run.Id, p.Run.ModelSize, p.Run.Tokens, Weights(domains, p.Run.Weights), p.Compute,
                p.ExpectedVariance, p.Benefit))]);
    }

    /// <summary>Serialises a run-plan document (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(RunPlanDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.RunPlanDocument);

    /// <summary>Reads a run-plan document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a run-plan document of this schema version (the message names both versions).</exception>
    public static RunPlanDocument ReadRunPlan(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.RunPlanDocument, "run-plan");

    /// <summary>Serialises a next-runs document (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(NextRunsDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.NextRunsDocument);

    /// <summary>Reads a next-runs document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a next-runs document of this schema version (the message names both versions).</exception>
    public static NextRunsDocument ReadNextRuns(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.NextRunsDocument, "next-runs");

    /// <summary>Serialises a design-simulation document (indented).</summary>
    /// <param name="document">The document.</param>
    public static string Write(DesignSimulationDocument document) => DocumentJson.Write(document, DocumentJsonContext.Default.DesignSimulationDocument);

    /// <summary>Reads a design-simulation document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="source">File name the messages start with.</param>
    /// <exception cref="FormatException">Not a design-simulation document of this schema version (the message names both versions).</exception>
    public static DesignSimulationDocument ReadSimulation(string json, string source) =>
        DocumentJson.Read(json, source, DocumentJsonContext.Default.DesignSimulationDocument, "design-simulation");

    private static ImmutableSortedDictionary<string, double> Weights(ImmutableArray<string> domains, ImmutableArray<double> weights) =>
        weights.IsDefaultOrEmpty ? ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal)
            : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, domains.Take(weights.Length).Select((d, i) => KeyValuePair.Create(d, weights[i])));
}
