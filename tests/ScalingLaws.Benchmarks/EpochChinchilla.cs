using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Benchmarks;

/// <summary>The Epoch AI Chinchilla points without the five highest losses (240 rows), as the replication fits them.</summary>
internal static class EpochChinchilla
{
    public const string Formula = "exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))";

    public static RunTable Table() =>
        EpochChinchillaReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "epoch-chinchilla", "svg_extracted_data.csv"),
            EpochChinchillaReader.PublishedDropCount);

    /// <summary>Hoffmann's 4,500-point start grid with Huber δ = 10⁻³ on log residuals.</summary>
    public static FitOptions Options(int threads) => new()
    {
        Loss = new HuberLoss(1e-3),
        Space = ResidualSpace.Log,
        Starts = new GridStarts([GridAxis.Range("alpha", 0, 2, 0.5), GridAxis.Range("beta", 0, 2, 0.5), GridAxis.Range("e", -1, 1, 0.5),
            GridAxis.Range("a", 0, 25, 5), GridAxis.Range("b", 0, 25, 5)]),
        MaxDegreeOfParallelism = threads,
    };
}
