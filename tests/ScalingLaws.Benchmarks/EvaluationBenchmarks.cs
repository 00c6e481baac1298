using BenchmarkDotNet.Attributes;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Benchmarks;

/// <summary>
/// One evaluation of a law over the 240 Epoch Chinchilla rows: row by row from the variables, and all
/// rows at once from the row cache (what the solver does). Divide by 240 for the time per row.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private IScalingLaw _law = null!;
    private double[][] _rows = null!;
    private double[] _cache = null!, _values = null!, _gradient = null!, _rowGradient = null!, _theta = null!;

    /// <summary>The fitted values (Epoch's replication), by name.</summary>
    private static readonly Dictionary<string, double> Fitted = new() { ["a"] = 6.17, ["b"] = 7.67, ["e"] = 0.597, ["alpha"] = 0.347, ["beta"] = 0.367 };

    /// <summary>The user formula (compiled) or the catalogue law (hand-written).</summary>
    [Params("formula", "chinchilla")]
    public string Law { get; set; } = "formula";

    [GlobalSetup]
    public void Setup()
    {
        var table = EpochChinchilla.Table();
        _law = Law == "chinchilla" ? new ChinchillaLaw() : FormulaLaw.Create(EpochChinchilla.Formula, table.ColumnNames);
        var data = table.ToFitData(_law.Variables, "loss");
        _theta = [.. _law.Parameters.Select(p => Fitted[p.Name])];
        _rows = [.. Enumerable.Range(0, data.Count).Select(i => data.Row(i).ToArray())];
        _cache = RowCache.Build((IRowCachedLaw)_law, data);
        _values = new double[data.Count];
        _gradient = new double[data.Count * _theta.Length];
        _rowGradient = new double[_theta.Length];
    }

    [Benchmark(Baseline = true)]
    public double RowByRow()
    {
        double sum = 0;
        foreach (var x in _rows) sum += _law.Evaluate(_theta, x);
        return sum;
    }

    [Benchmark]
    public double RowByRowWithGradient()
    {
        double sum = 0;
        foreach (var x in _rows) sum += _law.EvaluateWithGradient(_theta, x, _rowGradient);
        return sum;
    }

    [Benchmark]
    public double Cached()
    {
        ((IRowCachedLaw)_law).EvaluateRows(_theta, _cache, _values);
        return _values[0];
    }

    [Benchmark]
    public double CachedWithGradient()
    {
        ((IRowCachedLaw)_law).EvaluateRowsWithGradient(_theta, _cache, _values, _gradient);
        return _values[0];
    }
}
