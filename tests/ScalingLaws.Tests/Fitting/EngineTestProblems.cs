using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Tests.Fitting;

/// <summary>Small synthetic problems shared by the engine tests.</summary>
internal static class EngineTestProblems
{
    /// <summary>Deterministic noise in [−1, 1] for row <paramref name="i"/>.</summary>
    public static double Noise(int i) => Math.Sin(12.9898 * (i + 1) + 78.233 * Math.Sin(4.1414 * (i + 1)));

    /// <summary>x = 0.25, 0.5, …, 10.</summary>
    public static double[] Xs(int n = 40) => [.. Enumerable.Range(1, n).Select(i => 0.25 * i)];

    /// <summary>A·exp(−k·x) + c with A = 2, k = 0.4, c = 0.5 plus noise of amplitude <paramref name="noise"/>.</summary>
    public static FitData Decay(double noise = 0.01, int n = 40)
    {
        var x = Xs(n);
        double[] y = [.. x.Select((v, i) => 2 * Math.Exp(-0.4 * v) + 0.5 + noise * Noise(i))];
        return new FitData(["x"], x, y);
    }

    public static FormulaLaw DecayLaw() => FormulaLaw.Create("A*exp(-k*x) + c", ["x"], ["A", "k", "c"]);

    /// <summary>a + b·x with a = 1, b = 2 plus noise.</summary>
    public static FitData Line(double noise = 0.05, int n = 30)
    {
        var x = Xs(n);
        double[] y = [.. x.Select((v, i) => 1 + 2 * v + noise * Noise(i))];
        return new FitData(["x"], x, y);
    }

    public static FormulaLaw LineLaw() => FormulaLaw.Create("a + b*x", ["x"], ["a", "b"]);

    public static ImmutableDictionary<string, double> Map(params (string Name, double Value)[] items) =>
        items.ToImmutableDictionary(t => t.Name, t => t.Value);

    public static ImmutableDictionary<string, (double Lower, double Upper)> Bounds(params (string Name, double Lower, double Upper)[] items) =>
        items.ToImmutableDictionary(t => t.Name, t => (t.Lower, t.Upper));

    public static ExplicitStarts Starts(params ImmutableDictionary<string, double>[] points) => new([.. points]);

    public static void AssertRelative(double expected, double actual, double tolerance, string what = "")
    {
        double scale = Math.Max(Math.Abs(expected), 1e-300);
        Xunit.Assert.True(Math.Abs(actual - expected) <= tolerance * scale,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / scale:G3} > {tolerance:G3})");
    }
}
