namespace ScalingLaws.Serialization.Documents;

/// <summary>A percentile interval of bootstrap replicates.</summary>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="Median">Median of the replicates.</param>
/// <param name="Level">Nominal coverage.</param>
public sealed record IntervalEntry(
    double Lower,
    double Upper,
    double Median,
    double Level);
