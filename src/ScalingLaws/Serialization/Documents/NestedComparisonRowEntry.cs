using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>One mixture of a route comparison.</summary>
/// <param name="Source">Where the mixture came from.</param>
/// <param name="Mixture">Mixture key.</param>
/// <param name="Nested">Nested prediction.</param>
/// <param name="Direct">Prediction of each direct law.</param>
/// <param name="Observed">Observed loss (null when none).</param>
public sealed record NestedComparisonRowEntry(
    string Source,
    string Mixture,
    double Nested,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> Direct,
    double Observed);
