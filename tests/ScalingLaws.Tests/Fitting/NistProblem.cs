using System.Collections.Immutable;
using System.Text.Json;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Tests.Fitting;

/// <summary>One NIST StRD nonlinear regression problem loaded from TestData/nist.</summary>
public sealed record NistProblem(
    string Name, string Formula, double[] X, double[]? X2, double[] Y, bool LogResponse,
    double[] Start1, double[] Start2, double[] Certified, double[] CertifiedErrors, double CertifiedRss, double CertifiedResidualSd)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "nist");

    public static IEnumerable<string> Names =>
        Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static NistProblem Load(string name)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json"))).RootElement;
        double[] Arr(string p) => root.GetProperty(p).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new NistProblem(name, root.GetProperty("model_expr").GetString()!, Arr("x"),
            root.TryGetProperty("x2", out _) ? Arr("x2") : null, Arr("y"),
            root.GetProperty("response").GetString() == "log(y)",
            Arr("start1"), Arr("start2"), Arr("certified_params"), Arr("certified_std_errors"),
            root.GetProperty("certified_rss").GetDouble(), root.GetProperty("certified_residual_sd").GetDouble());
    }

    public ImmutableArray<string> ParameterNames => Enumerable.Range(1, Certified.Length).Select(j => $"b{j}").ToImmutableArray();

    public ImmutableArray<string> VariableNames => X2 is null ? ["x"] : ["x", "x2"];

    public IScalingLaw Law() => FormulaLaw.Create(Formula, VariableNames, ParameterNames);

    public FitData Data()
    {
        var y = LogResponse ? Y.Select(v => Math.Log(v)).ToArray() : Y;
        double[] x = X2 is null ? X : X.Zip(X2).SelectMany(p => new[] { p.First, p.Second }).ToArray();
        return new FitData(VariableNames, x, y, target: LogResponse ? "log(y)" : "y");
    }

    public FitOptions Options(int start) =>
        new() { Initial = ParameterNames.Select((n, j) => (n, v: (start == 1 ? Start1 : Start2)[j])).ToImmutableDictionary(p => p.n, p => p.v) };

    /// <summary>Log relative error: −log10(|a − b| / |b|), capped at 15 (NIST's LRE).</summary>
    public static double Lre(double actual, double certified) =>
        actual == certified ? 15 : Math.Min(15, -Math.Log10(Math.Abs(actual - certified) / Math.Abs(certified)));
}
