using System.Collections.Immutable;
using System.Text.Json;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests;

/// <summary>
/// One NIST StRD nonlinear regression problem read from TestData/nist (the test, CLI-test and benchmark
/// projects share this file). Parameters are named b1…bk, variables x (and x2).
/// </summary>
public sealed record NistProblem(
    string Name, string Formula, double[] X, double[]? X2, double[] Y, bool LogResponse,
    double[] Start1, double[] Start2, double[] Certified, double[] CertifiedErrors, double CertifiedRss, double CertifiedResidualSd)
{
    /// <summary>The folder of the problem files.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "nist");

    /// <summary>The problems' names, in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.GetFiles(Folder, "*.json").Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal)];

    /// <summary>Every problem from both certified starts, as theory data.</summary>
    public static TheoryData<string, int> BothStarts()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in Names) { data.Add(name, 1); data.Add(name, 2); }
        return data;
    }

    private static readonly Dictionary<string, NistProblem> Cache = [];

    /// <summary>The problem called <paramref name="name"/> (read once).</summary>
    public static NistProblem Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));
            var root = document.RootElement;
            double[] Arr(string p) => [.. root.GetProperty(p).EnumerateArray().Select(e => e.GetDouble())];
            var problem = new NistProblem(name, root.GetProperty("model_expr").GetString()!, Arr("x"),
                root.TryGetProperty("x2", out _) ? Arr("x2") : null, Arr("y"),
                root.GetProperty("response").GetString() == "log(y)",
                Arr("start1"), Arr("start2"), Arr("certified_params"), Arr("certified_std_errors"),
                root.GetProperty("certified_rss").GetDouble(), root.GetProperty("certified_residual_sd").GetDouble());
            Cache[name] = problem;
            return problem;
        }
    }

    public int ParameterCount => Certified.Length;

    public int RowCount => X.Length;

    public ImmutableArray<string> ParameterNames => [.. Enumerable.Range(1, ParameterCount).Select(j => $"b{j}")];

    public ImmutableArray<string> Variables => X2 is null ? ["x"] : ["x", "x2"];

    /// <summary>The variables' columns: x (and x2).</summary>
    public double[][] Columns => X2 is null ? [X] : [X, X2];

    /// <summary>Row <paramref name="i"/>'s variable values.</summary>
    public double[] Row(int i) => X2 is null ? [X[i]] : [X[i], X2[i]];

    /// <summary>The start NIST certifies from: 1 or 2.</summary>
    public double[] Start(int start) => start == 1 ? Start1 : Start2;

    public FormulaLaw Law() => FormulaLaw.Create(Formula, Variables, ParameterNames);

    /// <summary>The data to fit: y, or log y for Nelson.</summary>
    public FitData Data()
    {
        var y = LogResponse ? Y.Select(v => Math.Log(v)).ToArray() : Y;
        double[] x = X2 is null ? X : X.Zip(X2).SelectMany(p => new[] { p.First, p.Second }).ToArray();
        return new FitData(Variables, x, y, target: LogResponse ? "log(y)" : "y");
    }

    /// <summary>Default options with the initial values of start 1 or 2.</summary>
    public FitOptions Options(int start) =>
        new() { Initial = ParameterNames.Select((n, j) => (n, v: Start(start)[j])).ToImmutableDictionary(p => p.n, p => p.v) };

    /// <summary>Log relative error: −log10(|a − b| / |b|), capped at 15 (NIST's LRE).</summary>
    public static double Lre(double actual, double certified) =>
        actual == certified ? 15 : Math.Min(15, -Math.Log10(Math.Abs(actual - certified) / Math.Abs(certified)));
}
