using BenchmarkDotNet.Attributes;
using ScalingLaws.Fitting;
using ScalingLaws.Tests;

namespace ScalingLaws.Benchmarks;

/// <summary>One NIST StRD fit (default options, exact formula derivatives) per case: 27 problems × 2 starts.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class NistBenchmarks
{
    private IScalingLaw _law = null!;
    private FitData _data = null!;
    private FitOptions _options = null!;

    public static IEnumerable<string> Cases() => NistProblem.Names.SelectMany(n => new[] { n + "/1", n + "/2" });

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "Misra1a/1";

    [GlobalSetup]
    public void Setup()
    {
        var (law, data, options) = Load(Case);
        _law = law; _data = data; _options = options;
    }

    [Benchmark]
    public double Fit() => LevenbergMarquardt.Fit(_law, _data, _options).Objective;

    public static (IScalingLaw, FitData, FitOptions) Load(string @case)
    {
        var problem = NistProblem.Load(@case.Split('/')[0]);
        int start = int.Parse(@case.Split('/')[1]);
        return (problem.Law(), problem.Data(), problem.Options(start));
    }
}
