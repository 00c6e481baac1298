namespace ScalingLaws.Serialization.Documents;

/// <summary>A parameter's percentile bootstrap interval.</summary>
/// <param name="Lower">Lower percentile.</param>
/// <param name="Upper">Upper percentile.</param>
/// <param name="Median">Median of the replicates.</param>
/// <param name="StandardError">Standard deviation of the replicates.</param>
public sealed record ParameterBootstrapEntry(double Lower, double Upper, double Median, double StandardError);
