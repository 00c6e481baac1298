using ScalingLaws.Design;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Optimization.Compute;
using Xunit;

namespace ScalingLaws.Tests.Design;

public sealed class LinearisedCriterionTests
{
    [Fact]
    public void LinearisedScoresAreTheDeltaMethodAndTheExactRankOneUpdateOfTheFitsCovariance()
    {
        // A least-squares Chinchilla fit of 21 runs with 0.1 % noise (so the weak prior is negligible); decision: the predicted loss at 10B parameters and 200B tokens.
        var law = new ChinchillaLaw();
        double[] truth = [6.0073, 6.0178, 0.5247, 0.34, 0.28];
        var random = new Random(11);
        var x = new List<double>();
        var y = new List<double>();
        foreach (double n in new[] { 1e7, 3e7, 1e8, 3e8, 1e9, 3e9, 1e10 })
            foreach (double ratio in new[] { 5.0, 20, 80 })
            {
                x.AddRange([n, ratio * n]);
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                y.Add(law.Evaluate(truth, [n, ratio * n]) * Math.Exp(0.001 * z));
            }
        var data = new FitData(law.Variables, [.. x], [.. y], target: "loss");
        var fit = LevenbergMarquardt.Fit(law, data, new FitOptions { Loss = SquaredLoss.Instance, MaxDegreeOfParallelism = 1 });
        Assert.True(fit.IsUsable && fit.Covariance.IsAvailable);
        Assert.All(fit.Parameters, p => Assert.Equal(BoundState.Free, p.Bound));
        var candidates = RunPlanner.Product([], [], new ComputeGrid { ModelSizes = [1e8, 1e9, 1e10], TokensPerParameter = [5, 20, 200] });
        var point = new Dictionary<string, double> { ["N"] = 1e10, ["D"] = 2e11 };
        var selection = NextRuns.Propose([fit], [data], null, candidates, DecisionTarget.Prediction(point),
            new NextRunOptions { Count = 1, MaxDegreeOfParallelism = 1 });

        // Expected, from the fit's own covariance Σ = s²(JᵀJ)⁻¹ (s² = RSS/(n − p) in log space):
        // Var q = ∇qᵀΣ∇q, and observing run c (log loss, gradient g_c = ∇f/f) leaves Var q − (∇qᵀΣg_c)²/(g_cᵀΣg_c + s²).
        int p = fit.Parameters.Length;
        double Quad(double[] a, double[] b)
        {
            double sum = 0;
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) sum += a[i] * fit.Covariance[i, j] * b[j];
            return sum;
        }
        double[] Gradient(double n, double d, bool log)
        {
            var g = new double[p];
            double value = law.EvaluateWithGradient(fit.Values.AsSpan(), [n, d], g);
            return log ? g.Select(v => v / value).ToArray() : g;
        }
        var target = Gradient(1e10, 2e11, log: false);
        double variance = Quad(target, target);
        Assert.Equal(variance, selection.Variance, variance * 0.02);
        double s2 = fit.Covariance.ResidualVariance;
        var after = candidates.Runs.Select(run =>
        {
            var g = Gradient(run.ModelSize!.Value, run.Tokens!.Value, log: true);
            double cross = Quad(target, g);
            return variance - cross * cross / (Quad(g, g) + s2);
        }).ToArray();
        int best = Array.IndexOf(after, after.Min());
        Assert.Equal(best, selection.Proposals[0].CandidateIndex);
        Assert.Equal(after[best], selection.Proposals[0].ExpectedVariance, after[best] * 0.02);
        // Without an ensemble the intervals are the normal ones, q̂ ± 1.96·sd.
        Assert.Equal(1.959964 * Math.Sqrt(selection.Variance), selection.Intervals[0].Upper - selection.Estimate[0], 1e-4 * selection.Estimate[0]);
    }

    [Fact]
    public void TheEnsembleCriterionNeedsAnEnsemble()
    {
        var law = new ChinchillaLaw();
        var data = new FitData(law.Variables, [1e8, 2e9, 1e9, 2e10, 1e7, 2e8, 3e8, 3e9, 3e7, 6e8, 1e10, 1e11], [3.1, 2.6, 3.9, 3.2, 2.9, 2.4], target: "loss");
        var fit = LevenbergMarquardt.Fit(law, data, new FitOptions { MaxDegreeOfParallelism = 1 });
        var candidates = RunPlanner.Product([], [], new ComputeGrid { ModelSizes = [1e8, 1e9], TokensPerParameter = [20] });
        var e = Assert.Throws<ArgumentException>(() => NextRuns.Propose([fit], [data], null, candidates, DecisionTarget.ComputeOptimal(1e23),
            new NextRunOptions { Count = 1, Criterion = NextRunCriterion.Ensemble }));
        Assert.Contains("needs the bootstrap ensemble", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOptimalWeightsOfAFourDomainLawReadTheBudgetsTokensNotTheDomainNamedD()
    {
        // Domain 'h_d' must not capture the law's D: the optimum is the Lagrange point C_i γ_i k^γ_i h_i^(γ_i − 1) = λ.
        string[] domains = ["h_a", "h_b", "h_c", "h_d"];
        var law = new MixtureAdditiveLaw(domains);
        double[] c = [1, 1.5, 0.8, 1.2], gamma = [0.5, 0.4, 0.6, 0.45];
        var fitted = new FittedLaw(law, [1.69, 406.4, 410.7, 0.34, 0.28, .. c, .. gamma]);
        var weights = DecisionTarget.OptimalWeights(new TrainingBudget(1e9, 2e10)).Evaluate([fitted], [.. domains]);
        Assert.NotNull(weights);
        double lower = 1e-6, upper = 1e6, lambda = 1;
        double[] Shares(double l) => c.Select((ci, i) => Math.Pow(ci * gamma[i] * Math.Pow(4, gamma[i]) / l, 1 / (1 - gamma[i]))).ToArray();
        for (int i = 0; i < 200; i++)
        {
            lambda = Math.Sqrt(lower * upper);
            if (Shares(lambda).Sum() > 1) lower = lambda;
            else upper = lambda;
        }
        var expected = Shares(lambda);
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], weights[i], 4);
        Assert.Equal(0.226, expected[0], 3);
    }
}
