using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The scale of a nested prediction.</summary>
/// <param name="N">Model size.</param>
/// <param name="Step">Training step.</param>
public sealed record NestedScaleEntry(
    [property: JsonPropertyName("N")] double N,
    double Step);
