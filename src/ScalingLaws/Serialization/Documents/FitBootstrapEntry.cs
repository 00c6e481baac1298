namespace ScalingLaws.Serialization.Documents;

/// <summary>How a fit's bootstrap intervals were computed.</summary>
/// <param name="Method">Always <c>case-resampling percentile</c>.</param>
/// <param name="Replicates">Replicates drawn.</param>
/// <param name="Usable">Replicates whose refit converged.</param>
/// <param name="Confidence">Interval level, e.g. 0.95.</param>
/// <param name="Seed">Resampling seed.</param>
public sealed record FitBootstrapEntry(string Method, int Replicates, int Usable, double Confidence, int Seed);
