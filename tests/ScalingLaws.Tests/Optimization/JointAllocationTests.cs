using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Optimization;

public class JointAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void AdditiveLawSeparatesIntoTheChinchillaSplitAndTheBiasOptimum()
    {
        // L = E + 1/Σ C_i h_i^γ_i + A/N^α + B/D^β: h* minimises the bias term alone and (N, D) follow Chinchilla's closed form.
        string[] domains = ["h_a", "h_b", "h_c"];
        double[] p = [1.8, 406.4, 410.7, 0.34, 0.28, 1.0, 2.0, 0.5, 0.5, 0.5, 0.5];
        var law = new FittedLaw(new MixtureAdditiveLaw(domains), p, "loss");
        var problem = new MixtureProblem { Model = MixtureModel.FromFit(law), Objective = MixtureObjective.Target("loss") };
        var plan = BudgetAllocator.OptimizeWithMixture(problem, 1e21, mixtureOptions: new MixtureOptimizerOptions { Samples = 256, Starts = 2 });
        output.WriteLine(plan.Report());
        var closed = BudgetAllocator.ChinchillaClosedForm(406.4, 410.7, 1.8, 0.34, 0.28, 1e21);
        Assert.NotNull(plan.Allocation);
        Assert.Equal(1, plan.Allocation!.ModelSize / closed.ModelSize, 1e-4);
        Assert.Equal(1e21, 6 * plan.Allocation.ModelSize * plan.Allocation.Tokens, 1e21 * 1e-12);
        // argmin of 1/(√a + 2√b + 0.5√c) on the simplex: h ∝ (1, 4, 0.25).
        double[] expected = [1 / 5.25, 4 / 5.25, 0.25 / 5.25];
        for (int j = 0; j < 3; j++) Assert.Equal(expected[j], plan.Weights[j], 1e-6);
        Assert.Equal(plan.Allocation.ModelSize, plan.Budget.ModelSize!.Value);
    }
}
