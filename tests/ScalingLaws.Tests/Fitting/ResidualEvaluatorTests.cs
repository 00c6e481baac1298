using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>
/// <see cref="ResidualEvaluator"/>: the residuals, robust scales, Jacobian and objective of a block of rows
/// (four rows at a time where the machine has vectors) are bit for bit those of the same rows evaluated one
/// at a time, in every space, loss and weighting, including rows a robust loss down-weights (the objective
/// summed in row order); a block with a non-finite residual is rejected as a single row is.
/// </summary>
public class ResidualEvaluatorTests
{
    public static TheoryData<string, string, bool> Settings()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string space in new[] { "linear", "log" })
            foreach (string loss in new[] { "l2", "huber:0.001", "huber:0.05", "cauchy:0.01" })
                foreach (bool weighted in new[] { false, true })
                    data.Add(space, loss, weighted);
        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void ABlockGivesTheBitsOfItsRowsOneAtATime(string space, string loss, bool weighted)
    {
        var problem = Problem(space, loss, weighted, out double[] theta);
        int n = problem.Data.Count, k = problem.FreeIndices.Length;
        var evaluator = new ResidualEvaluator(problem, n);
        var (jacobian, residuals, scales) = (new double[k * n], new double[n], new double[n]);
        double cost = evaluator.Evaluate(theta, 0, n, jacobian, residuals, scales);
        var shifted = theta.Select(t => t * 1.01).ToArray();
        var residualsAt = new double[n];
        Assert.True(evaluator.ResidualsAt(shifted, 0, n, scales, residualsAt));

        double rowCost = 0;
        var (rowJacobian, rowResidual, rowScale, rowAt) = (new double[k], new double[1], new double[1], new double[1]);
        for (int i = 0; i < n; i++)
        {
            rowScale[0] = 0;
            rowCost += evaluator.Evaluate(theta, i, 1, rowJacobian, rowResidual, rowScale);
            Same(residuals[i], rowResidual[0], $"r̃ of row {i}");
            if (!evaluator.IsPlain) Same(scales[i], rowScale[0], $"√ρ′ of row {i}");
            for (int a = 0; a < k; a++) Same(jacobian[a * n + i], rowJacobian[a], $"J̃ of row {i}, column {a}");
            Assert.True(evaluator.ResidualsAt(shifted, i, 1, scales.AsSpan(i, 1), rowAt));
            Same(residualsAt[i], rowAt[0], $"r̃ at θ′ of row {i}");
        }
        // The plain least-squares path sums ½r² in the fixed order of VectorMath; the others row by row.
        Same(cost, evaluator.IsPlain ? 0.5 * VectorMath.SumOfSquares(residuals) : rowCost, "objective");
        if (loss.StartsWith("huber", StringComparison.Ordinal))
            Assert.Contains(scales, s => s < 1);  // some rows are in the linear part of the loss
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("log")]
    public void ANonFiniteResidualRejectsTheBlock(string space)
    {
        var problem = Problem(space, "huber:0.001", weighted: false, out double[] theta);
        int n = problem.Data.Count, k = problem.FreeIndices.Length;
        var evaluator = new ResidualEvaluator(problem, n);
        var (jacobian, residuals, scales) = (new double[k * n], new double[n], new double[n]);
        // log space: a = b = e = −10⁶ make f = 0 (log f = −∞); linear space: a = 10⁶ makes f = ∞.
        theta[0] = space == "log" ? -1e6 : 1e6;
        theta[1] = space == "log" ? -1e6 : 0;
        theta[2] = space == "log" ? -1e6 : 0;
        Assert.True(double.IsNaN(evaluator.Evaluate(theta, 0, n, jacobian, residuals, scales)));
        Assert.True(double.IsNaN(evaluator.Evaluate(theta, 5, 1, jacobian, residuals, scales)));
        Assert.False(evaluator.ResidualsAt(theta, 0, n, scales, residuals));
    }

    private static void Same(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{what}: {expected:R} in the block, {actual:R} alone");

    /// <summary>The Chinchilla law on 203 noisy rows with outliers (203: the blocks end in a partial group of four).</summary>
    private static FitProblem Problem(string space, string loss, bool weighted, out double[] theta)
    {
        var (x, y, w) = ChinchillaShapedLog.Create(203, seed: 5, noise: 0.02, outlierEvery: 17, weight: (_, random) => 0.5 + random.NextDouble());
        var data = weighted ? new FitData(["N", "D"], x, y, w) : new FitData(["N", "D"], x, y);
        var options = new FitOptions
        {
            Loss = RobustLoss.Parse(loss),
            Space = space == "log" ? ResidualSpace.Log : ResidualSpace.Linear,
            Initial = ImmutableDictionary<string, double>.Empty.Add("a", 6).Add("b", 6.2).Add("e", 0.5).Add("alpha", 0.33).Add("beta", 0.29),
        };
        theta = [6, 6.2, 0.5, 0.33, 0.29];
        return FitProblem.Create(new ChinchillaLaw(), data, options);
    }
}
