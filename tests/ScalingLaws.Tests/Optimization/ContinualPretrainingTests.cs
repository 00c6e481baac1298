using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Continual;
using ScalingLaws.Optimization.Mixtures;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Optimization;

public class ContinualPretrainingTests(ITestOutputHelper output)
{
    // Illustrative D-CPT (L3) fits: E, A, B, C, α, β, η, γ, ε. The domain loss falls with r_d, the general loss
    // (written in r_g = 1 − r_d) rises as r_g falls.
    private static readonly FittedLaw Domain = new(new DcptLaw(), [1.2, 250, 180, 0.08, 0.32, 0.3, 0.1, 0.6, 0.02], "domain");
    private static readonly FittedLaw General = new(new DcptLaw(), [1.6, 300, 200, 0.05, 0.3, 0.3, 0.2, 0.5, 0.01], "general");

    [Fact]
    public void DcptChemistryTradeOffPicksTheLargestShareWithinThreePercent()
    {
        // Que et al. 2024 usage 1: Qwen1.5-1.8B, chemistry, D = 10B, T = 3%, L_g⁰ = 2.8602 → r_d = 0.924.
        double[] r = [0.90, 0.91, 0.92, 0.924, 0.93, 0.94, 1.0];
        double[] lg = [2.9052, 2.9193, 2.9376, 2.9445, 2.9644, 2.9848, 3.4667];
        double[] ld = [1.7321, 1.7312, 1.7311, 1.7291, 1.7279, 1.7265, 1.7220];
        Func<double, double> Interpolate(double[] y) => x =>
        {
            if (x <= r[0]) return y[0] + (y[1] - y[0]) * (x - r[0]) / (r[1] - r[0]);
            int i = Math.Max(1, Array.FindIndex(r, v => v >= x));
            return y[i - 1] + (y[i] - y[i - 1]) * (x - r[i - 1]) / (r[i] - r[i - 1]);
        };
        var choice = ContinualPretraining.TradeOff(Interpolate(ld), Interpolate(lg), 2.8602, LossTolerance.Relative(0.03));
        output.WriteLine(choice.Message);
        Assert.True(choice.IsFeasible);
        Assert.True(choice.LimitActive);
        Assert.Equal(2.946006, choice.GeneralLimit!.Value, 1e-9);
        Assert.InRange(choice.DomainShare, 0.924, 0.925);
        Assert.True(choice.GeneralLoss <= choice.GeneralLimit);
    }

    [Fact]
    public void TradeOffWithFittedLawsBeatsAFineGrid()
    {
        double n = 1.8e9, d = 1e10;
        double l0 = General.Evaluate([n, d, 1.0]);
        var tolerance = LossTolerance.Relative(0.03);
        var choice = ContinualPretraining.TradeOff(Domain, General, n, d, l0, tolerance);
        output.WriteLine(choice.Message);
        Assert.True(choice.IsFeasible);
        double limit = tolerance.Limit(l0);
        Assert.True(General.Evaluate([n, d, 1 - choice.DomainShare]) <= limit);
        double grid = Enumerable.Range(0, 100_001).Select(i => i / 100_000.0)
            .Where(x => General.Evaluate([n, d, 1 - x]) <= limit)
            .Min(x => Domain.Evaluate([n, d, x]));
        Assert.True(choice.DomainLoss <= grid + 1e-12, $"{choice.DomainLoss:R} vs grid {grid:R}");
        // The critical ratio is where the same constraint binds.
        var cmr = ContinualPretraining.CriticalRatio(General, n, d, l0, tolerance);
        Assert.Equal(CriticalMixtureRatioStatus.Crossing, cmr.Status);
        if (choice.LimitActive) Assert.Equal(cmr.Ratio!.Value, choice.DomainShare, 1e-9);
    }

    [Fact]
    public void TradeOffReportsInfeasibility()
    {
        double n = 1.8e9, d = 1e10;
        var choice = ContinualPretraining.TradeOff(Domain, General, n, d, 1.0, LossTolerance.Relative(0.03));
        Assert.False(choice.IsFeasible);
        Assert.Contains("Infeasible", choice.Message);
        // The reported share is the scanned share with the lowest general loss.
        double lowest = Enumerable.Range(0, 1001).Select(i => i / 1000.0).Min(x => General.Evaluate([n, d, 1 - x]));
        Assert.Equal(lowest, choice.GeneralLoss!.Value, 1e-15);
    }

    [Fact]
    public void LimitedDomainDataBeatsAFineGrid()
    {
        double n = 1.8e9, domainTokens = 2e9;
        var choice = ContinualPretraining.LimitedDomainData(Domain, n, domainTokens);
        output.WriteLine(choice.Message + $" D = {choice.Tokens:G4}");
        double grid = Enumerable.Range(1, 100_000).Select(i => i / 100_000.0).Where(x => x >= 1e-3)
            .Min(x => Domain.Evaluate([n, domainTokens / x, x]));
        Assert.True(choice.DomainLoss <= grid + 1e-12);
        Assert.Equal(domainTokens / choice.DomainShare, choice.Tokens, 1e-3);
        var limited = ContinualPretraining.LimitedDomainData(Domain, n, domainTokens, generalLaw: General,
            preTrainingGeneralLoss: General.Evaluate([n, 1e10, 1.0]), tolerance: LossTolerance.Relative(0.05));
        Assert.True(limited.IsFeasible);
        Assert.True(limited.GeneralLoss <= limited.GeneralLimit + 1e-12);
    }

    [Fact]
    public void AllocationAtAFixedShareMatchesTheGenericSearch()
    {
        var a = ContinualPretraining.Allocate(Domain, 0.3, 1e21);
        var b = BudgetAllocator.Optimize((n, d) => Domain.Evaluate([n, d, 0.3]), 1e21);
        Assert.Equal(0.3, a.Variables["r"]);
        Assert.Equal(1, a.ModelSize / b.ModelSize, 1e-6);
        Assert.True(a.Loss <= b.Loss + 1e-12);
    }

    [Fact]
    public void CriticalRatioCurvesFromTheTokensLawAndFromAGeneralLaw()
    {
        // Gu et al. Table 5 (Finance), T in units of 0.2B tokens: CMR at T = 100 is 29.76%, 34.89%, 41.43%, 47.83%.
        double[][] table = [[0.22524761, 0.26944345, -0.48139982], [0.7520627, 0.13720245, -1.06581937],
            [-2.36384831, -0.15125569, 1.59223649], [-2.5368197, -0.42071423, 0.84375368]];
        double[] expected = [0.2976, 0.3489, 0.4143, 0.4783];
        for (int i = 0; i < 4; i++)
        {
            var curve = ContinualPretraining.CriticalRatioCurve(new FittedLaw(new CmrTokensLaw(), table[i]), [25, 50, 100]);
            Assert.Equal(expected[i], curve[2].Ratio!.Value, 1e-4);
            Assert.Null(curve[2].Detail);
        }
        double n = 1.8e9, l0 = General.Evaluate([n, 1e10, 1.0]);
        var fromLaw = ContinualPretraining.CriticalRatioCurve(General, n, [2e9, 5e9, 1e10, 2e10], l0);
        Assert.Equal(4, fromLaw.Length);
        foreach (var p in fromLaw)
        {
            var single = ContinualPretraining.CriticalRatio(General, n, p.Tokens, l0);
            Assert.Equal(single.Ratio, p.Ratio);
            Assert.NotNull(p.Detail);
        }
        Assert.Throws<ArgumentException>(() => ContinualPretraining.CriticalRatioCurve(Domain, [1.0]));
    }

    [Fact]
    public void LossAtShareEvaluatesTheGeneralLawAtTheGeneralShareUnlessConfigured()
    {
        double n = 1.8e9, d = 1e10, r = 0.3;
        Assert.Equal(Domain.Evaluate([n, d, r]), ContinualPretraining.LossAtShare(Domain, false, n, d)(r));
        Assert.Equal(General.Evaluate([n, d, 1 - r]), ContinualPretraining.LossAtShare(General, true, n, d)(r));
        var domainShare = new ContinualPretrainingOptions { GeneralLawUsesDomainShare = true };
        Assert.Equal(General.Evaluate([n, d, r]), ContinualPretraining.LossAtShare(General, true, n, d, domainShare)(r));
    }

    [Fact]
    public void ParetoFrontIsNonDominatedAndSorted()
    {
        var front = ContinualPretraining.ParetoFront(Domain, General, 1.8e9, 1e10);
        Assert.Equal(["general", "domain"], front.Domains.ToArray());
        Assert.True(front.Points.Length > 10);
        for (int i = 1; i < front.Points.Length; i++)
        {
            Assert.True(front.Points[i].FirstLoss >= front.Points[i - 1].FirstLoss);
            Assert.True(front.Points[i].SecondLoss < front.Points[i - 1].SecondLoss);
        }
        foreach (var p in front.Points) Assert.Equal(1, p.Weights.Sum(), 1e-15);
        // The best domain loss is at the right end of the front, the best general loss at the left end.
        double r = front.Points[0].Weights[1];
        Assert.Equal(Domain.Evaluate([1.8e9, 1e10, r]), front.Points[0].FirstLoss, 1e-14);
    }

    [Fact]
    public void MixtureParetoFrontByEpsilonConstraint()
    {
        string[] domains = ["h_a", "h_b", "h_c"];
        var law = new DataMixingLaw(domains);
        var model = MixtureModel.FromFits(domains,
            [new FittedLaw(law, [0.5, 0.0, -2.0, 0.0, -0.5], "la"), new FittedLaw(law, [0.5, 0.0, 0.0, -2.0, -0.5], "lb")]);
        var problem = new MixtureProblem { Model = model, Objective = MixtureObjective.Target("la") };
        var front = MixtureOptimizer.ParetoFront(problem, "la", "lb", 9, new MixtureOptimizerOptions { Samples = 256, Starts = 2 });
        Assert.True(front.Points.Length >= 8);
        Assert.Equal(Math.Exp(0.5) + Math.Exp(-2), front.Points[0].FirstLoss, 1e-9);
        Assert.Equal(Math.Exp(0.5) + Math.Exp(-2), front.Points[^1].SecondLoss, 1e-6);
        for (int i = 1; i < front.Points.Length; i++) Assert.True(front.Points[i].SecondLoss < front.Points[i - 1].SecondLoss);
    }
}
