using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Compute;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Optimization;

public class BudgetAllocatorTests(ITestOutputHelper output)
{
    // Hoffmann et al. unrounded (Epoch's notebook): log A, log B, log E, α, β.
    internal static readonly double[] Hoffmann = [6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083];

    // Besiroglu et al. (Epoch) main estimate, log-space vector.
    internal static readonly double[] Epoch = [6.17796, 7.64273, 0.59711, 0.34781, 0.36585];

    // Muennighoff et al. published data-constrained parameters.
    internal static readonly double[] Muennighoff = [6.255414, 7.3049974, 0.6254804, 0.3526596, 0.3526596, 15.387756, 5.309743];

    private static FittedLaw Chinchilla(double[] p) => new(new ChinchillaLaw(), p, "loss");

    [Fact]
    public void HoffmannAtOneE21MatchesThePublishedAllocation()
    {
        // LAWS.md §15 gives N ≈ 1.82e9, D ≈ 9.14e10, L ≈ 2.3289 for Hoffmann at C = 1e21. Those numbers are what the
        // rounded published values (A = 406.4, B = 410.7, E = 1.69, α = 0.34, β = 0.28) give; the unrounded vector
        // gives N = 2.217e9, D = 7.518e10, L = 2.2955 (checked independently; a = 0.4565 either way to 3 decimals).
        var rounded = BudgetAllocator.ChinchillaClosedForm(406.4, 410.7, 1.69, 0.34, 0.28, 1e21);
        output.WriteLine($"Hoffmann (rounded): N = {rounded.ModelSize:R}, D = {rounded.Tokens:R}, L = {rounded.Loss:R}");
        Assert.Equal(AllocationMethod.ClosedForm, rounded.Method);
        Assert.Equal(1.82e9, rounded.ModelSize, 0.01e9);
        Assert.Equal(9.14e10, rounded.Tokens, 0.01e10);
        Assert.Equal(2.3289, rounded.Loss, 1e-4);
        Assert.Equal(1e21, 6 * rounded.ModelSize * rounded.Tokens, 1e21 * 1e-12);

        var a = BudgetAllocator.Optimize(Chinchilla(Hoffmann), 1e21);
        output.WriteLine($"Hoffmann (unrounded): N = {a.ModelSize:R}, D = {a.Tokens:R}, L = {a.Loss:R}, a = {a.ModelSizeExponent:R}");
        Assert.Equal(2.216954892616933e9, a.ModelSize, 1e9 * 1e-6);
        Assert.Equal(7.517819474889285e10, a.Tokens, 1e10 * 1e-6);
        Assert.Equal(2.29549104008491, a.Loss, 1e-9);
        Assert.Equal(0.4565, a.ModelSizeExponent!.Value, 1e-3);
        Assert.Equal(1e21, 6 * a.ModelSize * a.Tokens, 1e21 * 1e-12);
    }

    [Fact]
    public void EpochAtOneE21MatchesThePublishedAllocation()
    {
        // Published check: N ≈ 2.78e9, D ≈ 6.0e10, L ≈ 2.3055. The linear values give L = 2.30523, the log-space
        // vector 2.30484 (E = exp(0.59711) and the rounding of A, B differ slightly); both within 1e-3 of 2.3055.
        var linear = BudgetAllocator.ChinchillaClosedForm(482.01, 2085.43, 1.8169, 0.3478, 0.3658, 1e21);
        var a = BudgetAllocator.Optimize(Chinchilla(Epoch), 1e21);
        output.WriteLine($"Epoch (linear): N = {linear.ModelSize:R}, D = {linear.Tokens:R}, L = {linear.Loss:R}");
        output.WriteLine($"Epoch (log vector): N = {a.ModelSize:R}, D = {a.Tokens:R}, L = {a.Loss:R}");
        foreach (var x in new[] { linear, a })
        {
            Assert.Equal(2.78e9, x.ModelSize, 0.01e9);
            Assert.Equal(6.0e10, x.Tokens, 0.05e10);
            Assert.Equal(2.3055, x.Loss, 1e-3);
        }
        Assert.Equal(2.3052285712614573, linear.Loss, 1e-9);
        Assert.Equal(2.304838122981004, a.Loss, 1e-9);
    }

    [Theory]
    [InlineData(1e18)]
    [InlineData(1e21)]
    [InlineData(5.76e23)]
    [InlineData(1e26)]
    public void NumericOptimumAgreesWithTheClosedForm(double compute)
    {
        foreach (var p in new[] { Hoffmann, Epoch })
        {
            var closed = BudgetAllocator.Optimize(Chinchilla(p), compute);
            var numeric = BudgetAllocator.Optimize(Chinchilla(p), compute, new AllocationOptions { UseClosedForm = false });
            Assert.Equal(AllocationMethod.Numeric, numeric.Method);
            Assert.False(numeric.AtRangeLimit);
            Assert.Equal(1, numeric.ModelSize / closed.ModelSize, 1e-6);
            Assert.Equal(1, numeric.Tokens / closed.Tokens, 1e-6);
            Assert.Equal(1, numeric.Loss / closed.Loss, 1e-12);
        }
    }

    [Property(MaxTest = 60, Replay = "(12345,67891)")]
    public Property NumericAndClosedFormAgreeForRandomChinchillaLaws() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            double[] p = [2 + 6 * random.NextDouble(), 2 + 6 * random.NextDouble(), 0.2 + 0.6 * random.NextDouble(),
                0.15 + 0.5 * random.NextDouble(), 0.15 + 0.5 * random.NextDouble()];
            double compute = Math.Pow(10, 18 + 7 * random.NextDouble());
            var closed = BudgetAllocator.Optimize(Chinchilla(p), compute);
            // Search four decades either side of the closed-form tokens per parameter (random laws can be far from 20).
            double ratio = closed.TokensPerParameter;
            var numeric = BudgetAllocator.Optimize(Chinchilla(p), compute,
                new AllocationOptions { UseClosedForm = false, MinTokensPerParameter = ratio / 1e4, MaxTokensPerParameter = ratio * 1e4 });
            double error = Math.Abs(numeric.ModelSize / closed.ModelSize - 1);
            return (error < 1e-6 && !numeric.AtRangeLimit).Label($"seed {seed}: relative error {error:G3}, at limit {numeric.AtRangeLimit}");
        });

    [Fact]
    public void DataConstrainedOptimumBeatsThePublishedGridSearch()
    {
        var law = new FittedLaw(new DataConstrainedLaw(), Muennighoff, "loss");
        // The README's reference values pin the law itself.
        Assert.Equal(2.2256440889984477, law.Evaluate([6.34e9, 242e9, 25e9]), 1e-12);
        var a = BudgetAllocator.Optimize(law, 1e22, new AllocationOptions { Fixed = new Dictionary<string, double> { ["U"] = 25e9 }.ToImmutableDictionary() });
        output.WriteLine($"Data-constrained at C = 1e22, U = 25e9: N = {a.ModelSize:R}, D = {a.Tokens:R} ({a.Tokens / 25e9:F2} epochs), L = {a.Loss:R}");
        Assert.Equal(AllocationMethod.Numeric, a.Method);
        Assert.True(a.Loss <= 2.22213, $"loss {a.Loss}");
        Assert.Equal(1e22, 6 * a.ModelSize * a.Tokens, 1e22 * 1e-12);
        Assert.Equal(25e9, a.Variables["U"]);
        // The published grid search found D ≈ 237.34B, N ≈ 7.02B; the continuous optimum is close to it.
        Assert.InRange(a.Tokens, 200e9, 280e9);
        Assert.InRange(a.ModelSize, 6e9, 8.4e9);
        Assert.True(a.Loss <= law.Evaluate([7.02e9, 1e22 / (6 * 7.02e9), 25e9]) + 1e-12);
    }

    [Fact]
    public void FrontierFollowsTheClosedFormExponents()
    {
        var frontier = BudgetAllocator.Frontier(Chinchilla(Hoffmann), 1e18, 1e25, 8);
        Assert.Equal(8, frontier.Points.Length);
        Assert.Equal(Hoffmann[4] / (Hoffmann[3] + Hoffmann[4]), frontier.ModelSizeExponent, 1e-9);
        Assert.Equal(Hoffmann[3] / (Hoffmann[3] + Hoffmann[4]), frontier.TokensExponent, 1e-9);
        Assert.True(frontier.Points.Zip(frontier.Points.Skip(1)).All(p => p.Second.Compute > p.First.Compute && p.Second.Loss < p.First.Loss));
        var numeric = BudgetAllocator.Frontier(Chinchilla(Hoffmann), 1e18, 1e25, 8, new AllocationOptions { UseClosedForm = false });
        Assert.Equal(frontier.ModelSizeExponent, numeric.ModelSizeExponent, 1e-6);
    }

    [Fact]
    public void CustomCostIsHonoured()
    {
        // Cost 6ND + 6N·(fixed overhead of 1e9 tokens): D = C/(6N) − 1e9.
        var cost = ComputeCost.Custom("6N(D + 1e9)", (n, d) => 6 * n * (d + 1e9));
        Assert.Equal(1e21 / (6 * 1e9) - 1e9, cost.TokensFor(1e9, 1e21), 1e-3);
        var a = BudgetAllocator.Optimize(Chinchilla(Hoffmann), 1e21, new AllocationOptions { Cost = cost });
        Assert.Equal(AllocationMethod.Numeric, a.Method);
        Assert.Equal(1e21, cost.Flops(a.ModelSize, a.Tokens), 1e21 * 1e-9);
        var grid = Enumerable.Range(-200, 401).Select(i => a.ModelSize * Math.Exp(i * 0.01))
            .Select(n => Chinchilla(Hoffmann).Evaluate([n, cost.TokensFor(n, 1e21)])).Min();
        Assert.True(a.Loss <= grid + 1e-12);
    }

    [Fact]
    public void FunctionOverloadAndErrors()
    {
        var law = Chinchilla(Hoffmann);
        var f = BudgetAllocator.Optimize((n, d) => law.Evaluate([n, d]), 1e21);
        var closed = BudgetAllocator.Optimize(law, 1e21);
        Assert.Equal(1, f.ModelSize / closed.ModelSize, 1e-6);
        var dc = new FittedLaw(new DataConstrainedLaw(), Muennighoff);
        var missing = Assert.Throws<ArgumentException>(() => BudgetAllocator.Optimize(dc, 1e22));
        Assert.Contains("'U'", missing.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetAllocator.Optimize(law, -1));
        var noN = Assert.Throws<ArgumentException>(() => BudgetAllocator.Optimize(new FittedLaw(new CmrRatioLaw(), [-0.2, 0.2, 1.7]), 1e21));
        Assert.Contains("model size", noN.Message);
    }
}
