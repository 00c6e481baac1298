using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>One planned run.</summary>
/// <param name="Id">Run id.</param>
/// <param name="N">Model size, or null.</param>
/// <param name="D">Tokens, or null.</param>
/// <param name="ReadAtD">Token counts at which to read the loss (empty: at the end only).</param>
/// <param name="Weights">Domain weights (empty without mixtures; ordinal key order).</param>
/// <param name="Compute">6·N·D, or null.</param>
public sealed record PlannedRunEntry(
    string Id,
    [property: JsonPropertyName("N")] double? N,
    [property: JsonPropertyName("D")] double? D,
    ImmutableArray<double> ReadAtD,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Weights,
    double? Compute);
