using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>The nested prediction of one mixture.</summary>
/// <param name="Source">Where the mixture came from.</param>
/// <param name="Weights">Domain weights.</param>
/// <param name="Prediction">Predicted loss by target (and <c>total</c>).</param>
/// <param name="Chain">Losses of the fitted chain, or null.</param>
/// <param name="Observed">Observed losses, or null.</param>
/// <param name="Intervals">Intervals by target, or null.</param>
/// <param name="ExtrapolatesIn">Domains outside the fitted range.</param>
public sealed record NestedPredictionEntry(
    string Source,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Weights,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Prediction,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double>? Chain,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double>? Observed,
    [property: JsonConverter(typeof(OrdinalMapConverter<BoundsEntry>))] ImmutableSortedDictionary<string, BoundsEntry>? Intervals,
    ImmutableArray<string> ExtrapolatesIn);
