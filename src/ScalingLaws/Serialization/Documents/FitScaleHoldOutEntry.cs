using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>
/// A fit's scale hold-out (<see cref="Validation.ScaleHoldOut"/>): the law refitted without the runs at the largest
/// <c>N</c> (or <c>D</c>) and those runs predicted; or why it is unavailable.
/// </summary>
/// <param name="Variable">The held-out scale variable, <c>N</c> or <c>D</c> (null for a law with neither).</param>
/// <param name="HeldOutValue">Its largest value, which was held out.</param>
/// <param name="FitRows">Runs the refit used.</param>
/// <param name="Mre">Mean relative error on the held-out runs (fraction).</param>
/// <param name="Mae">Mean absolute error on the held-out runs.</param>
/// <param name="Usable">Whether the refit converged.</param>
/// <param name="Rows">The held-out runs (1-based row in the fitted data, observed, predicted).</param>
/// <param name="Unavailable">Why there is no hold-out (then the other members are absent).</param>
public sealed record FitScaleHoldOutEntry(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variable = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? HeldOutValue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FitRows = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mre = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mae = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Usable = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<FitHoldOutRowEntry>? Rows = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unavailable = null);
