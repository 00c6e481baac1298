using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Design;
using Xunit;

namespace ScalingLaws.Tests.Design;

public sealed class RunPlanTests
{
    [Property(MaxTest = 50)]
    public Property TotalComputeIsTheSumOfSixNDOverTheRows(PositiveInt sizes, PositiveInt budgets, PositiveInt mixtures)
    {
        var grid = new ComputeGrid
        {
            ModelSizes = Enumerable.Range(1, 1 + sizes.Get % 4).Select(i => 1e7 * i * i).ToImmutableArray(),
            ComputeBudgets = Enumerable.Range(1, 1 + budgets.Get % 3).Select(i => 1e18 * i).ToImmutableArray(),
        };
        var swarm = MixtureSwarm.Generate(new SwarmOptions { Domains = ["a", "b"], Count = 1 + mixtures.Get % 5, Seed = mixtures.Get });
        var plan = RunPlanner.Product(["a", "b"], swarm, grid);
        double sum = plan.Runs.Sum(r => 6 * r.ModelSize!.Value * r.Tokens!.Value);
        return (plan.Runs.Length == swarm.Length * grid.ModelSizes.Length * grid.ComputeBudgets.Length
            && Math.Abs(plan.TotalCompute!.Value - sum) <= 1e-12 * sum).ToProperty();
    }

    [Fact]
    public void IsoFlopRunsSpendTheirBudgetAndRatiosSetTokens()
    {
        var iso = new ComputeGrid { ModelSizes = [1e8, 4e8], ComputeBudgets = [6e18] }.Points();
        Assert.Equal(1e10, iso[0].Tokens, 1e-3);
        Assert.Equal(2.5e9, iso[1].Tokens, 1e-3);
        Assert.All(iso, p => Assert.Equal(6e18, 6 * p.ModelSize * p.Tokens, 1e6));
        var ratio = new ComputeGrid { ModelSizes = [1e8], TokensPerParameter = [20], ReadFractions = [1, 0.25, 0.5] }.Points();
        Assert.Equal(2e9, ratio[0].Tokens, 1e-3);
        Assert.Equal(new[] { 5e8, 1e9, 2e9 }, ratio[0].Checkpoints.ToArray(), (a, b) => Math.Abs(a - b) < 1e-3);
        Assert.Throws<ArgumentException>(() => new ComputeGrid { ModelSizes = [1e8], TokensPerParameter = [20], Tokens = [1e9] }.Points());
    }

    [Fact]
    public void LatticeHasEveryGridPointAboveTheMinimumWeight()
    {
        var points = SimplexLattice.Points(3, 10);
        Assert.Equal(66, points.Length);
        var inner = SimplexLattice.Points(3, 10, 0.1);
        Assert.Equal(36, inner.Length);   // C(7 + 2, 2): shares 0.1 … 0.8
        Assert.All(inner, p => { Assert.Equal(1, p.Sum(), 12); Assert.True(p.Min() >= 0.1 - 1e-12); });
        Assert.Equal(inner.Length, inner.Select(p => string.Join(",", p)).Distinct().Count());
        Assert.Throws<ArgumentException>(() => SimplexLattice.Points(3, 10, 0.4));
    }
}
