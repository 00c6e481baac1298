using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>
/// The start strategy of a fit: <c>grid</c> with its axes (values by parameter), <c>random</c> or <c>explicit</c> with a count;
/// every member is omitted when the law's recipe chose the starts.
/// </summary>
/// <param name="Kind"><c>grid</c>, <c>random</c> or <c>explicit</c>.</param>
/// <param name="Axes">Grid values by parameter (grid only).</param>
/// <param name="Count">Number of starts (random and explicit only).</param>
public sealed record FitStartsOptionEntry(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kind = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(OrdinalMapConverter<ImmutableArray<double>>))]
    ImmutableSortedDictionary<string, ImmutableArray<double>>? Axes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Count = null);
