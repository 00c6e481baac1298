using BenchmarkDotNet.Attributes;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Benchmarks;

/// <summary>Hoffmann's Approach 3 on Epoch's 240 points: 4,500-start grid, Huber δ = 1e-3 on log loss.</summary>
public class ChinchillaReplicationBenchmark
{
    private IScalingLaw _formula = null!;
    private IScalingLaw _law = null!;
    private FitData _formulaData = null!;
    private FitData _lawData = null!;

    [GlobalSetup]
    public void Setup()
    {
        var table = EpochChinchillaReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "epoch-chinchilla", "svg_extracted_data.csv"), 5);
        _formula = FormulaLaw.Create("exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))", ["N", "D"], ["e", "a", "alpha", "b", "beta"]);
        _formulaData = table.ToFitData(_formula.Variables, "loss");
        _law = LawCatalog.Create("chinchilla");
        _lawData = table.ToFitData(_law.Variables, "loss");
    }

    private static FitOptions Options => new()
    {
        Loss = new HuberLoss(1e-3),
        Space = ResidualSpace.Log,
        Starts = new GridStarts([GridAxis.Range("alpha", 0, 2, 0.5), GridAxis.Range("beta", 0, 2, 0.5),
            GridAxis.Range("e", -1, 1, 0.5), GridAxis.Range("a", 0, 25, 5), GridAxis.Range("b", 0, 25, 5)]),
    };

    [Benchmark]
    public double Formula4500Starts() => LevenbergMarquardt.Fit(_formula, _formulaData, Options).Objective;

    [Benchmark]
    public double CatalogLaw4500Starts() => LevenbergMarquardt.Fit(_law, _lawData, Options).Objective;
}
