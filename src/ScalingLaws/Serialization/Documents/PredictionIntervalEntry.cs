namespace ScalingLaws.Serialization.Documents;

/// <summary>A prediction interval.</summary>
/// <param name="Method">Always <c>delta</c> (parameter covariance and run-to-run scatter).</param>
/// <param name="Level">Nominal coverage.</param>
/// <param name="Lower">Lower end (null when unavailable).</param>
/// <param name="Upper">Upper end (null when unavailable).</param>
public sealed record PredictionIntervalEntry(
    string Method,
    double Level,
    double Lower,
    double Upper);
