using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace ScalingLaws.Serialization.Documents;

/// <summary>One prediction with its delta-method interval.</summary>
/// <param name="Target">The fit's target column.</param>
/// <param name="At">The point, by law variable (keys in ordinal order).</param>
/// <param name="Prediction">Predicted value.</param>
/// <param name="Interval">Prediction interval.</param>
/// <param name="Observed">Observed target value of the data row, or null (points given with --at, or a missing value).</param>
public sealed record PredictionEntry(
    string Target,
    [property: JsonConverter(typeof(OrdinalMapConverter<double>))] ImmutableSortedDictionary<string, double> At,
    double Prediction,
    PredictionIntervalEntry Interval,
    double? Observed);
