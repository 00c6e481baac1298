namespace ScalingLaws.Serialization.Documents;

/// <summary>A predicted loss.</summary>
/// <param name="Name">Loss (target) name.</param>
/// <param name="Value">Predicted value.</param>
/// <param name="Interval">Bootstrap interval, or null.</param>
public sealed record PredictedLossEntry(
    string Name,
    double Value,
    IntervalEntry? Interval);
