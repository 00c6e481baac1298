using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Benchmarks;

/// <summary>One NIST StRD fit (default options, exact formula derivatives) per case: 27 problems × 2 starts.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class NistBenchmarks
{
    private IScalingLaw _law = null!;
    private FitData _data = null!;
    private FitOptions _options = null!;

    public static IEnumerable<string> Cases() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "nist"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)
            .SelectMany(n => new[] { n + "/1", n + "/2" })!;

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
        var name = @case.Split('/')[0];
        int start = int.Parse(@case.Split('/')[1]);
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "nist", name + ".json"))).RootElement;
        double[] Arr(string p) => root.GetProperty(p).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var k = Arr("certified_params").Length;
        var parameters = Enumerable.Range(1, k).Select(j => $"b{j}").ToArray();
        bool two = root.TryGetProperty("x2", out _);
        string[] variables = two ? ["x", "x2"] : ["x"];
        var law = FormulaLaw.Create(root.GetProperty("model_expr").GetString()!, variables, parameters);
        var x = two ? Arr("x").Zip(Arr("x2")).SelectMany(p => new[] { p.First, p.Second }).ToArray() : Arr("x");
        var y = Arr("y");
        if (root.GetProperty("response").GetString() == "log(y)") y = y.Select(v => Math.Log(v)).ToArray();
        var s = Arr(start == 1 ? "start1" : "start2");
        var options = new FitOptions { Initial = parameters.Select((p, j) => (p, s[j])).ToImmutableDictionary(t => t.p, t => t.Item2) };
        return (law, new FitData(variables, x, y), options);
    }
}
