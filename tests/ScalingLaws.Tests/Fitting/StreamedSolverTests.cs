using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// The streamed least-squares system (rows in blocks, the QR of J̃ accumulated block by block) against
/// references: every NIST StRD problem from both starts reaches the certified values to the bars of
/// <see cref="NistReferenceTests"/>, with blocks far smaller than the data; robust, weighted, log-space
/// and fixed-parameter fits agree with the dense system to rounding, with a row cache and row by row;
/// and the solver allocates nothing per run in either layout.
/// </summary>
public class StreamedSolverTests
{
    [Theory]
    [MemberData(nameof(NistProblem.BothStarts), MemberType = typeof(NistProblem))]
    public void NistFitsReachCertifiedValuesInBlocksOfSevenRows(string name, int start)
    {
        var problem = NistProblem.Load(name);
        var fit = LevenbergMarquardt.Fit(FitProblem.Create(problem.Law(), problem.Data(), problem.Options(start)), blockRows: 7);

        Assert.True(fit.IsUsable, $"{name} start {start}: {fit.Termination.Describe()}");
        for (int j = 0; j < problem.Certified.Length; j++)
        {
            double lre = NistProblem.Lre(fit.Parameters[j].Value, problem.Certified[j]);
            Assert.True(lre >= 9, $"{name} start {start}: b{j + 1} = {fit.Parameters[j].Value:R} vs {problem.Certified[j]:R} (LRE {lre:F2})");
            double lreSe = NistProblem.Lre(fit.Parameters[j].StandardError!.Value, problem.CertifiedErrors[j]);
            Assert.True(lreSe >= 8, $"{name} start {start}: se(b{j + 1}) (LRE {lreSe:F2})");
        }
        double lreRss = NistProblem.Lre(fit.Statistics.ResidualSumOfSquares, problem.CertifiedRss);
        Assert.True(lreRss >= 9, $"{name} start {start}: RSS (LRE {lreRss:F2})");
    }

    public static TheoryData<string> Variants() => ["huber-log", "weighted", "fixed", "row-by-row", "cauchy-bounded"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void StreamedFitsAgreeWithDenseFits(string variant)
    {
        var (law, data, options) = Problem(variant);
        var problem = FitProblem.Create(law, data, options);
        var dense = LevenbergMarquardt.Fit(problem, data.Count);
        var streamed = LevenbergMarquardt.Fit(problem, blockRows: 64);

        Assert.True(dense.IsUsable, dense.Termination.Describe());
        Assert.True(streamed.IsUsable, streamed.Termination.Describe());
        Assert.Equal(dense.Objective, streamed.Objective, 1e-10 * dense.Objective);
        for (int j = 0; j < dense.Parameters.Length; j++)
        {
            var (d, s) = (dense.Parameters[j], streamed.Parameters[j]);
            Assert.Equal(d.Bound, s.Bound);
            Assert.True(Math.Abs(d.Value - s.Value) <= 1e-7 * Math.Abs(d.Value) + 1e-12, $"{d.Name}: {d.Value:R} vs {s.Value:R}");
            Assert.Equal(d.StandardError.HasValue, s.StandardError.HasValue);
            if (d.StandardError is double se)
                Assert.True(Math.Abs(se - s.StandardError!.Value) <= 1e-6 * se, $"se({d.Name}): {se:R} vs {s.StandardError:R}");
        }
        Assert.Equal(dense.Statistics.ResidualSumOfSquares, streamed.Statistics.ResidualSumOfSquares, 1e-9 * dense.Statistics.ResidualSumOfSquares);
        Assert.Equal(string.Join("\n", dense.Warnings), string.Join("\n", streamed.Warnings));
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(64)]
    public void RunAndPolishAllocateNothing(int blockRows)
    {
        var (law, data, options) = Problem("huber-log");
        var problem = FitProblem.Create(law, data, options);
        var solver = new LmSolver(problem, blockRows);
        double[] start = [.. problem.Initial];
        solver.Run(start, CancellationToken.None);
        solver.Polish(solver.Theta.ToArray());

        long before = GC.GetAllocatedBytesForCurrentThread();
        var (objective, termination, _) = solver.Run(start, CancellationToken.None);
        long afterRun = GC.GetAllocatedBytesForCurrentThread();
        var theta = solver.Theta.ToArray();
        long beforePolish = GC.GetAllocatedBytesForCurrentThread();
        solver.Polish(theta);
        long afterPolish = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(termination.IsConverged() && double.IsFinite(objective), termination.Describe());
        Assert.Equal(0, afterRun - before);
        Assert.Equal(0, afterPolish - beforePolish);
    }

    /// <summary>A Chinchilla-shaped problem, L = E + A·N^−α + B·D^−β with noise, 2,000 rows, one start.</summary>
    private static (IScalingLaw Law, FitData Data, FitOptions Options) Problem(string variant)
    {
        // Outliers every 97 rows for the robust losses.
        var (x, y, w) = ChinchillaShapedLog.Create(2000, seed: 7, noise: 0.01, outlierEvery: 97, weight: (i, _) => 1 + i % 3);
        IScalingLaw law = FormulaLaw.Create("E + A*N^-alpha + B*D^-beta", ["N", "D"], ["E", "A", "alpha", "B", "beta"]);
        var initial = ImmutableDictionary<string, double>.Empty
            .Add("E", 1.5).Add("A", 300).Add("alpha", 0.3).Add("B", 300).Add("beta", 0.3);
        var options = new FitOptions { Initial = initial };
        var data = new FitData(["N", "D"], x, y);
        switch (variant)
        {
            case "huber-log": options = options with { Loss = new HuberLoss(1e-3), Space = ResidualSpace.Log }; break;
            case "weighted": data = new FitData(["N", "D"], x, y, w); break;
            case "fixed": options = options with { Initial = initial.Remove("E"), Fixed = ImmutableDictionary<string, double>.Empty.Add("E", 1.7) }; break;
            case "row-by-row": law = new RowByRow(law); break;
            case "cauchy-bounded":
                options = options with
                {
                    Loss = RobustLoss.Parse("cauchy:0.01"),
                    Bounds = ImmutableDictionary<string, (double, double)>.Empty.Add("E", (1.75, 3)),
                    Initial = initial.SetItem("E", 2),
                };
                break;
        }
        return (law, data, options);
    }

    private sealed class RowByRow(IScalingLaw law) : IScalingLaw
    {
        public string Name => law.Name;
        public string Formula => law.Formula;
        public ImmutableArray<string> Variables => law.Variables;
        public ImmutableArray<ParameterSpec> Parameters => law.Parameters;
        public string Citation => law.Citation;
        public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x) => law.Evaluate(parameters, x);
        public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient) =>
            law.EvaluateWithGradient(parameters, x, gradient);
        public FitRecipe DefaultRecipe(FitData data) => law.DefaultRecipe(data);
    }
}
