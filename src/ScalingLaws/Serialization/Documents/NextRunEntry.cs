using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>One proposed run.</summary>
/// <param name="Rank">Selection order, from 1.</param>
/// <param name="Run">Run id.</param>
/// <param name="N">Model size, or null.</param>
/// <param name="D">Tokens, or null.</param>
/// <param name="Weights">Domain weights (empty without mixtures).</param>
/// <param name="Compute">6·N·D, or null.</param>
/// <param name="ExpectedVariance">Expected variance after this run.</param>
/// <param name="Benefit">Fraction of variance removed.</param>
public sealed record NextRunEntry(
    int Rank,
    string Run,
    [property: JsonPropertyName("N")] double? N,
    [property: JsonPropertyName("D")] double? D,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Weights,
    double? Compute,
    double ExpectedVariance,
    double Benefit);
