using BenchmarkDotNet.Attributes;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Benchmarks;

/// <summary>Hoffmann's Approach 3 replication: 4,500 starts on the 240 Epoch points, on one thread.</summary>
public class ChinchillaFitBenchmarks
{
    private IScalingLaw _law = null!;
    private FitData _data = null!;
    private FitOptions _options = null!;

    /// <summary>The user formula (compiled) or the catalogue law (hand-written).</summary>
    [Params("formula", "chinchilla")]
    public string Law { get; set; } = "formula";

    [GlobalSetup]
    public void Setup()
    {
        var table = EpochChinchilla.Table();
        _law = Law == "chinchilla" ? new ChinchillaLaw() : FormulaLaw.Create(EpochChinchilla.Formula, table.ColumnNames);
        _data = table.ToFitData(_law.Variables, "loss");
        _options = EpochChinchilla.Options(threads: 1);
    }

    [Benchmark]
    public double Fit() => LevenbergMarquardt.Fit(_law, _data, _options).Objective;
}
