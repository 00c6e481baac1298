using System.Collections.Immutable;
using ScalingLaws.Design;
using ScalingLaws.Laws;
using ScalingLaws.Optimization.Compute;
using Xunit;

namespace ScalingLaws.Tests.Design;

public sealed class NextRunsTests
{
    [Fact]
    public void GreedyGivesTheExactLinearGaussianUpdateOfTheEnsembleCovariance()
    {
        // Decision q = θ₁; candidate 0 observes θ₁ + θ₂, candidate 1 observes θ₂ only, candidate 2 observes 2θ₁.
        var random = new Random(5);
        int r = 400;
        var theta = Enumerable.Range(0, r).Select(_ => new[] { Normal(random), 0.5 * Normal(random) }).ToArray();
        var decision = theta.Select(t => new[] { t[0] }).ToArray();
        var observations = theta.Select(t => new[] { new[] { t[0] + t[1] }, new[] { t[1] }, new[] { 2 * t[0] } }).ToArray();
        double sigma = 0.3;
        var (variance, chosen) = NextRuns.Greedy(decision, observations, [sigma], 2);
        double m1 = theta.Average(t => t[0]), m2 = theta.Average(t => t[1]);
        double p11 = theta.Sum(t => (t[0] - m1) * (t[0] - m1)) / (r - 1), p22 = theta.Sum(t => (t[1] - m2) * (t[1] - m2)) / (r - 1),
            p12 = theta.Sum(t => (t[0] - m1) * (t[1] - m2)) / (r - 1);
        Assert.Equal(p11, variance, 12);
        Assert.Equal(2, chosen[0].Candidate);   // the most direct, least noisy view of θ₁
        double after = p11 - 4 * p11 * p11 / (4 * p11 + sigma * sigma);
        Assert.Equal(after, chosen[0].Variance, 10);
        // Second step: the exact Kalman update of the 2×2 covariance with h = (1, 1) after h = (2, 0).
        double[,] p = { { p11, p12 }, { p12, p22 } };
        p = Update(p, [2, 0], sigma);
        double[,] q0 = Update(p, [1, 1], sigma), q1 = Update(p, [0, 1], sigma);
        double best = Math.Min(q0[0, 0], q1[0, 0]);
        Assert.Equal(best, chosen[1].Variance, 10);
        Assert.Equal(q0[0, 0] < q1[0, 0] ? 0 : 1, chosen[1].Candidate);
    }

    private static double[,] Update(double[,] p, double[] h, double sigma)
    {
        double[] ph = [p[0, 0] * h[0] + p[0, 1] * h[1], p[1, 0] * h[0] + p[1, 1] * h[1]];
        double s = h[0] * ph[0] + h[1] * ph[1] + sigma * sigma;
        var result = new double[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                result[i, j] = p[i, j] - ph[i] * ph[j] / s;
        return result;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void ChosenRunsReachTheComputeOptimalSizeWithFewerRunsThanRandomRuns()
    {
        // Reduced version of the docs/design.md simulation (there: 20 seeds, 32 added runs, 48 replicates).
        var law = new ChinchillaLaw();
        var grid = new ComputeGrid { ModelSizes = [1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9], TokensPerParameter = [2, 5, 10, 20, 50, 100] };
        var result = DesignSimulation.Run(new DesignSimulationOptions
        {
            Law = law, Truth = [6.0073, 6.0178, 0.5247, 0.34, 0.28], Candidates = RunPlanner.Product([], [], grid),
            Target = DecisionTarget.ComputeOptimal(1e23), InitialRuns = 8, AddedRuns = 24, BatchSize = 2, Seeds = 8, Replicates = 32,
        });
        double next = DesignSimulationResult.Median(result.RunsToReach(result.Chosen, 0.25).Select(v => (double)v));
        double random = DesignSimulationResult.Median(result.RunsToReach(result.Random, 0.25).Select(v => (double)v));
        // Deterministic (seeded); the full run in docs/design.md gives 39 % fewer, this reduced one about 30 %.
        Assert.True(next <= 0.75 * random, $"median runs to reach 25 % error: next {next}, random {random}");
    }

    [Fact]
    public void ChosenRunsFindTheOptimalWeightsOfAMixtureLawFasterThanRandomRuns()
    {
        // Reduced version of the docs/design.md weights simulation (there: 20 seeds, 24 added runs): an additive law whose
        // optimum (0.307, 0.422, 0.271) lies inside the simplex, a lattice of 66 mixtures at two sizes, 0.3 % noise.
        string[] domains = ["h_a", "h_b", "h_c"];
        var law = new MixtureAdditiveLaw(domains);
        var truth = new Dictionary<string, double>
        {
            ["E"] = 1.69, ["A"] = 406.4, ["B"] = 410.7, ["alpha"] = 0.34, ["beta"] = 0.28,
            ["C_a"] = 1, ["C_b"] = 1.5, ["C_c"] = 0.8, ["gamma_a"] = 0.5, ["gamma_b"] = 0.4, ["gamma_c"] = 0.6,
        };
        var result = DesignSimulation.Run(new DesignSimulationOptions
        {
            Law = law, Truth = law.Parameters.Select(p => truth[p.Name]).ToImmutableArray(),
            Candidates = RunPlanner.Product([.. domains], SimplexLattice.Points(3, 10), new ComputeGrid { ModelSizes = [2e7, 1e8], TokensPerParameter = [20] }),
            Target = DecisionTarget.OptimalWeights(new TrainingBudget(1e9, 2e10)), InitialRuns = 12, AddedRuns = 12, BatchSize = 2, Seeds = 6,
            Replicates = 32, Noise = 0.003,
        });
        // Per seed, the mean L1 error over the rounds after the first batch; then the median over the seeds.
        double next = DesignSimulationResult.Median(result.Chosen.Select(curve => curve.Skip(1).Average()));
        double random = DesignSimulationResult.Median(result.Random.Select(curve => curve.Skip(1).Average()));
        Assert.True(next <= 0.75 * random, $"median mean L1 error of the optimal weights: next {next:G3}, random {random:G3}");
    }
}
