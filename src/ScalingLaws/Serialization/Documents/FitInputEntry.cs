using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>How a fit's variables were bound to the data (see <see cref="Data.ColumnBinding"/>).</summary>
/// <param name="Mapping">Law variable → column, for variables read from a column of another name.</param>
/// <param name="Weights">Domain-weight columns of a mixture law.</param>
/// <param name="NormalizedWeights">Whether each row's domain weights were rescaled to sum to 1.</param>
public sealed record FitInputEntry(
    [property: JsonConverter(typeof(OrdinalMapConverter<string>))] ImmutableSortedDictionary<string, string> Mapping,
    ImmutableArray<string> Weights, bool NormalizedWeights);
