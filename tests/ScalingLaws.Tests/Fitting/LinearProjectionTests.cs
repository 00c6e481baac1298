using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>Variable projection of random starts: the linear parameters of a start are the bounded least-squares optimum.</summary>
public class LinearProjectionTests
{
    [Fact]
    public void UnconstrainedOptimumIsReturnedWhenItIsFeasible()
    {
        // min (θ − (1, 2))ᵀ·I·(θ − (1, 2)): G = I, b = (1, 2), c = 5.
        var theta = LinearProjection.BoundedLeastSquares([1, 0, 0, 1], [1, 2], 5, [0, 0], [double.PositiveInfinity, double.PositiveInfinity]);
        Assert.Equal([1.0, 2.0], theta!);
    }

    [Fact]
    public void BoundsAreRespectedAtTheConstrainedOptimum()
    {
        // G = [[2, 1], [1, 2]], b = (−1, 3): unconstrained θ = (−5/3, 7/3); with θ ≥ 0 the optimum is (0, 3/2).
        var theta = LinearProjection.BoundedLeastSquares([2, 1, 1, 2], [-1, 3], 10, [0, 0], [double.PositiveInfinity, double.PositiveInfinity]);
        Assert.Equal(0, theta![0]);
        Assert.Equal(1.5, theta[1], 1e-14);
    }

    [Fact]
    public void RandomStartsOfTheAdditiveLawGetTheirExactLevelAndAmplitudes()
    {
        // Noise-free data; a start with the true non-linear parameters must get the true E, A, B back.
        string[] domains = ["h_a", "h_b", "h_c"];
        var law = new MixtureAdditiveLaw(domains);
        double[] truth = [1.2, 300, 400, 0.3, 0.28, 1.5, 0.6, 0.9, 0.4, 0.7, 0.2];
        var x = new List<double>();
        var y = new List<double>();
        var random = new Random(3);
        for (int i = 0; i < 60; i++)
        {
            double a = 0.1 + 0.6 * random.NextDouble(), b = (1 - a) * random.NextDouble();
            double[] row = [Math.Pow(10, 8 + random.NextDouble()), Math.Pow(10, 9 + 2 * random.NextDouble()), a, b, 1 - a - b];
            x.AddRange(row);
            y.Add(law.Evaluate(truth, row));
        }
        var data = new FitData(law.Variables, x.ToArray(), y.ToArray());
        var start = new Dictionary<string, double>();
        for (int j = 3; j < truth.Length; j++) start[law.Parameters[j].Name] = truth[j];
        start["E"] = 0.1; start["A"] = 5; start["B"] = 2000;
        var problem = FitProblem.Create(law, data, new FitOptions());
        var projection = LinearProjection.For(problem)!;
        var theta = law.Parameters.Select(p => start[p.Name]).ToArray();
        projection.Apply(theta);
        Assert.Equal(truth[0], theta[0], 1e-9);
        Assert.Equal(truth[1], theta[1], 1e-6 * truth[1]);
        Assert.Equal(truth[2], theta[2], 1e-6 * truth[2]);
    }
}
