namespace ScalingLaws.Serialization.Documents;

/// <summary>Median errors after a number of runs.</summary>
/// <param name="Runs">Runs.</param>
/// <param name="MedianErrorNext">Median error choosing with --next.</param>
/// <param name="MedianErrorRandom">Median error choosing at random.</param>
public sealed record DesignSimulationPointEntry(
    int Runs,
    double MedianErrorNext,
    double MedianErrorRandom);
