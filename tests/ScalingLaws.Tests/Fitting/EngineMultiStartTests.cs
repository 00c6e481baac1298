using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>Multi-start: results independent of the thread count, start generation, and the start summary.</summary>
public class EngineMultiStartTests
{
    /// <summary>sin(w·x)·A + c has many local optima in w.</summary>
    private static FormulaLaw WaveLaw() => FormulaLaw.Create("A*sin(w*x) + c", ["x"], ["A", "w", "c"]);

    private static FitData Wave()
    {
        var x = Xs(60);
        double[] y = [.. x.Select((v, i) => 1.5 * Math.Sin(2.3 * v) + 0.2 + 0.05 * Noise(i))];
        return new FitData(["x"], x, y);
    }

    private static void AssertSameResult(FitResult expected, FitResult actual)
    {
        Assert.Equal(expected.Values.Select(BitConverter.DoubleToInt64Bits), actual.Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Objective), BitConverter.DoubleToInt64Bits(actual.Objective));
        Assert.Equal(expected.Starts, actual.Starts);
        Assert.Equal(expected.Termination, actual.Termination);
        Assert.Equal(expected.Iterations, actual.Iterations);
    }

    private static void AssertIndependentOfThreads(FitData data, FormulaLaw law, FitOptions options)
    {
        var one = LevenbergMarquardt.Fit(law, data, options with { MaxDegreeOfParallelism = 1 });
        AssertSameResult(one, LevenbergMarquardt.Fit(law, data, options with { MaxDegreeOfParallelism = 2 }));
        AssertSameResult(one, LevenbergMarquardt.Fit(law, data, options with { MaxDegreeOfParallelism = -1 }));
        AssertSameResult(one, LevenbergMarquardt.Fit(law, data, options with { MaxDegreeOfParallelism = 7 }));
    }

    [Fact]
    public void ExplicitStartsGiveTheSameResultOnAnyNumberOfThreads()
    {
        var options = new FitOptions
        {
            Starts = Starts(Map(("w", 1.0)), Map(("w", 2.0)), Map(("w", 2.5), ("A", -1.0)), Map(("w", 3.1)), Map(("w", 0.4))),
        };
        AssertIndependentOfThreads(Wave(), WaveLaw(), options);
    }

    [Fact]
    public void GridStartsAreTheCartesianProductAndIndependentOfThreads()
    {
        var grid = new GridStarts([GridAxis.Linspace("A", -2, 2, 3), GridAxis.Range("w", 0.5, 3.5, 0.5), GridAxis.Linspace("c", 0, 1, 2)]);
        Assert.Equal(3 * 7 * 2, grid.Count);
        var options = new FitOptions { Starts = grid, Screening = null };
        var fit = LevenbergMarquardt.Fit(WaveLaw(), Wave(), options);
        Assert.Equal(42, fit.Starts.Tried);
        AssertRelative(2.3, fit["w"].Value, 0.01, "w");
        AssertIndependentOfThreads(Wave(), WaveLaw(), options);
        // Screened (more starts than survivors) is deterministic too.
        AssertIndependentOfThreads(Wave(), WaveLaw(), options with { Screening = new StartScreening(Iterations: 3, Survivors: 5) });
    }

    [Fact]
    public void GridFirstAxisVariesSlowest()
    {
        var grid = new GridStarts([GridAxis.Linspace("A", 1, 2, 2), GridAxis.Linspace("w", 10, 30, 3)]);
        var problem = FitProblem.Create(WaveLaw(), Wave(), new FitOptions { Starts = grid });
        var generator = StartGenerator.Expand(problem);
        var starts = Enumerable.Range(0, generator.Count).Select(i => generator[i]).ToArray();
        Assert.Equal(6, starts.Length);
        double[][] expected = [[1, 10, 1], [1, 20, 1], [1, 30, 1], [2, 10, 1], [2, 20, 1], [2, 30, 1]];
        Assert.Equal(expected, starts);
    }

    [Fact]
    public void RandomStartsAreSeededAndInsideFiniteBounds()
    {
        var bounds = Bounds(("A", -3, 3), ("w", 0.1, 4), ("c", -1, 2));
        double[][] Expand(int seed)
        {
            var generator = StartGenerator.Expand(FitProblem.Create(WaveLaw(), Wave(),
                new FitOptions { Starts = new RandomStarts(50), Bounds = bounds, Seed = seed }));
            return Enumerable.Range(0, generator.Count).Select(i => generator[i]).ToArray();
        }
        var a = Expand(7);
        var b = Expand(7);
        var c = Expand(8);
        Assert.Equal(50, a.Length);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(50 * 3, a.SelectMany(s => s).Distinct().Count());
        foreach (var start in a.Concat(c))
        {
            Assert.InRange(start[0], -3, 3);
            Assert.InRange(start[1], 0.1, 4);
            Assert.InRange(start[2], -1, 2);
        }
        // Spread over the box, not clustered: every parameter covers most of its range.
        for (int j = 0; j < 3; j++)
        {
            var column = a.Select(s => s[j]).ToArray();
            double width = new[] { 6.0, 3.9, 3.0 }[j];
            Assert.True(column.Max() - column.Min() > 0.8 * width, $"parameter {j} spans {column.Max() - column.Min()}");
        }
    }

    [Fact]
    public void RandomStartsGiveTheSameResultOnAnyNumberOfThreads()
    {
        var options = new FitOptions
        {
            Starts = new RandomStarts(30), Bounds = Bounds(("A", -3, 3), ("w", 0.1, 4), ("c", -1, 2)), Seed = 11,
        };
        AssertIndependentOfThreads(Wave(), WaveLaw(), options);
        var other = LevenbergMarquardt.Fit(WaveLaw(), Wave(), options with { Seed = 12 });
        var fit = LevenbergMarquardt.Fit(WaveLaw(), Wave(), options);
        Assert.NotEqual(fit["w"].Initial, other["w"].Initial);
    }

    [Fact]
    public void StartsConvergingToTheSameOptimumAllReachTheBest()
    {
        var fit = LevenbergMarquardt.Fit(LineLaw(), Line(),
            new FitOptions { Starts = Starts(Map(("a", 0.0), ("b", 0.0)), Map(("a", 5.0), ("b", 5.0)), Map(("a", -100.0), ("b", 40.0))) });
        Assert.Equal(new StartSummary(3, 3, 3, fit.Starts.BestIndex), fit.Starts);
        Assert.InRange(fit.Starts.BestIndex, 0, 2);
    }

    [Fact]
    public void LocalOptimumStartsDoNotReachTheBest()
    {
        // w = 0.9 and w = 4.5 settle in other local optima of the frequency; w = 2.2 finds the global one.
        var fit = LevenbergMarquardt.Fit(WaveLaw(), Wave(),
            new FitOptions { Starts = Starts(Map(("w", 0.9)), Map(("w", 2.2)), Map(("w", 4.5)), Map(("w", 2.25))) });
        AssertRelative(2.3, fit["w"].Value, 0.01, "w");
        Assert.Equal(4, fit.Starts.Tried);
        // Both global starts reach the same optimum; the chosen one is whichever has the lower objective.
        Assert.Contains(fit.Starts.BestIndex, new[] { 1, 3 });
        Assert.Equal(new[] { 0.9, 2.2, 4.5, 2.25 }[fit.Starts.BestIndex], fit["w"].Initial);
        Assert.Equal(2, fit.Starts.ReachedBest);
        Assert.InRange(fit.Starts.Converged, 2, 4);
        foreach (int s in new[] { 0, 2 })
        {
            var alone = LevenbergMarquardt.Fit(WaveLaw(), Wave(), new FitOptions { Starts = Starts(Map(("w", new[] { 0.9, 2.2, 4.5 }[s]))) });
            Assert.True(alone.Objective > 1.01 * fit.Objective, $"start {s}: {alone.Objective} vs best {fit.Objective}");
        }
    }

    private static Gen<double[]> StartSets() =>
        from count in Gen.Choose(2, 5)
        from ws in Gen.ArrayOf(Gen.Choose(1, 500).Select(k => k / 100.0), count)
        select ws;

    [Property(MaxTest = 15)]
    public Property MultiStartIsNeverWorseThanItsBestStartAlone() =>
        Prop.ForAll(Arb.From(StartSets()), ws =>
        {
            var data = Wave();
            var points = ws.Select(w => Map(("w", w))).ToArray();
            var fit = LevenbergMarquardt.Fit(WaveLaw(), data, new FitOptions { Starts = Starts(points) });
            double bestAlone = points.Min(p => LevenbergMarquardt.Fit(WaveLaw(), data, new FitOptions { Starts = Starts(p) }).Objective);
            Assert.Equal(ws.Length, fit.Starts.Tried);
            Assert.True(fit.Objective <= bestAlone * (1 + 1e-12), $"multi-start {fit.Objective:R} vs best alone {bestAlone:R}");
            var chosenAlone = LevenbergMarquardt.Fit(WaveLaw(), data, new FitOptions { Starts = Starts(points[fit.Starts.BestIndex]) });
            Assert.Equal(chosenAlone.Values.ToArray(), fit.Values.ToArray());
        });
}
