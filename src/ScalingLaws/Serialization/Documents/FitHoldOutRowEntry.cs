namespace ScalingLaws.Serialization.Documents;

/// <summary>One held-out run of a scale hold-out.</summary>
/// <param name="Row">1-based row in the fitted data.</param>
/// <param name="Observed">Observed target.</param>
/// <param name="Predicted">Prediction of the refit.</param>
public sealed record FitHoldOutRowEntry(int Row, double Observed, double Predicted);
