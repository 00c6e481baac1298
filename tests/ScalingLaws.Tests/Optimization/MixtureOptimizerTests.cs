using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Continual;
using ScalingLaws.Optimization.Mixtures;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Optimization;

public class MixtureOptimizerTests(ITestOutputHelper output)
{
    private static readonly MixtureOptimizerOptions Fast = new() { Samples = 512, Starts = 4, MaxDegreeOfParallelism = 1 };

    [Fact]
    public void TargetDataMixingLossGoesToTheMostHelpfulDomain()
    {
        // L = c + k·exp(t·r) is minimised on the simplex at the vertex of the most negative t.
        string[] domains = ["h_a", "h_b", "h_c"];
        var law = new FittedLaw(new DataMixingLaw(domains), [0.5, 0.0, -1.0, -2.5, -0.5], "loss");
        var plan = MixtureOptimizer.Optimize(new MixtureProblem { Model = MixtureModel.FromFit(law), Objective = MixtureObjective.Target("loss") }, Fast);
        output.WriteLine(plan.Report());
        Assert.Equal(MixturePlanStatus.Optimal, plan.Status);
        Assert.Equal([0.0, 1.0, 0.0], plan.Weights.ToArray());
        Assert.Equal(Math.Exp(0.5) + Math.Exp(-2.5), plan.ObjectiveValue, 1e-14);
        Assert.Equal(2, plan.ActiveConstraints.Count(c => c.Kind == ConstraintKind.LowerBound));
        Assert.True(plan.KktResidual < 1e-9);
        // Multipliers of h_a ≥ 0 and h_c ≥ 0 are the gradient gaps: k·e^{t·r}·(t_j − t_b).
        double scale = Math.Exp(-2.5);
        Assert.Equal(scale * 1.5, plan.ActiveConstraints.Single(c => c.Subject == "h_a").Multiplier, 1e-12);
        Assert.Equal(scale * 2.0, plan.ActiveConstraints.Single(c => c.Subject == "h_c").Multiplier, 1e-12);
    }

    [Fact]
    public void UpperBoundIsActiveWithItsMultiplier()
    {
        string[] domains = ["h_a", "h_b", "h_c"];
        var law = new FittedLaw(new DataMixingLaw(domains), [0.5, 0.0, -1.0, -2.5, -0.5], "loss");
        var problem = new MixtureProblem
        {
            Model = MixtureModel.FromFit(law),
            Objective = MixtureObjective.Target("loss"),
            UpperBounds = MixtureTestModels.Bounds(("h_b", 0.3)),
            LowerBounds = MixtureTestModels.Bounds(("h_c", 0.1)),
        };
        var plan = MixtureOptimizer.Optimize(problem, Fast);
        Assert.Equal(MixturePlanStatus.Optimal, plan.Status);
        Assert.Equal(0.3, plan.Weight("h_b"), 1e-12);
        Assert.Equal(0.1, plan.Weight("h_c"), 1e-12);
        Assert.Equal(0.6, plan.Weight("h_a"), 1e-12);
        var upper = plan.ActiveConstraints.Single(c => c.Kind == ConstraintKind.UpperBound);
        Assert.Equal("h_b", upper.Subject);
        Assert.True(upper.Multiplier > 0);
        Assert.Contains(plan.ActiveConstraints, c => c.Kind == ConstraintKind.LowerBound && c.Subject == "h_c");
        Assert.True(plan.KktResidual < 1e-9, plan.Report());
    }

    [Fact]
    public void DataAvailabilityCapsTheWeight()
    {
        string[] domains = ["h_a", "h_b"];
        var law = new FittedLaw(new DataMixingLaw(domains), [0.5, 0.0, -1.0, -2.5], "loss");
        var problem = new MixtureProblem
        {
            Model = MixtureModel.FromFit(law),
            Objective = MixtureObjective.Target("loss"),
            Budget = new TrainingBudget(tokens: 100e9),
            Availability = [new DataAvailability("h_b", 10e9, maxEpochs: 4)],
        };
        var plan = MixtureOptimizer.Optimize(problem, Fast);
        Assert.Equal(0.4, plan.Weight("h_b"), 1e-12);
        var active = plan.ActiveConstraints.Single(c => c.Kind == ConstraintKind.DataAvailability);
        Assert.Contains("data availability", active.Description);
        Assert.True(active.Multiplier > 0);
    }

    [Fact]
    public void RepetitionPricingMakesRepeatedDataWorthLess()
    {
        // An additive law reads D: with pricing it sees D′ = Σ D′ⱼ and h′ⱼ = D′ⱼ/D′, so a scarce domain repeated
        // many times is worth less and the optimum moves weight off it.
        string[] domains = ["h_a", "h_b"];
        var law = new FittedLaw(new MixtureAdditiveLaw(domains), [1.8, 400, 400, 0.34, 0.28, 1.0, 4.0, 0.5, 0.5], "loss");
        var unpriced = new MixtureProblem
        {
            Model = MixtureModel.FromFit(law),
            Objective = MixtureObjective.Target("loss"),
            Budget = TrainingBudget.At(1e9, 100e9),
            Availability = [new DataAvailability("h_b", 2e9, maxEpochs: double.PositiveInfinity)],
        };
        var priced = unpriced with { Repetition = RepetitionPricing.Published };
        var free = MixtureOptimizer.Optimize(unpriced, Fast);
        var plan = MixtureOptimizer.Optimize(priced, Fast);
        output.WriteLine($"h_b without pricing {free.Weight("h_b"):R}, with pricing {plan.Weight("h_b"):R}");
        Assert.Equal(MixturePlanStatus.Optimal, plan.Status);
        Assert.Equal(16.0 / 17.0, free.Weight("h_b"), 1e-7); // argmin of 1/(√h_a + 4√h_b): h_b = 16/17
        Assert.True(plan.Weight("h_b") < free.Weight("h_b") - 0.05);
        double best = Enumerable.Range(1, 9999).Select(i => i / 10000.0).Select(h => priced.EvaluateObjective([1 - h, h])).Min();
        Assert.True(plan.ObjectiveValue <= best + 1e-12);
        var pricing = RepetitionPricing.Published;
        Assert.Equal(1e9, pricing.EffectiveTokens(1e9, 1e9), 1e-3);
        Assert.Equal(1e9 * (1 + 15.387756 * (1 - Math.Exp(-1 / 15.387756))), pricing.EffectiveTokens(2e9, 1e9), 1e-3);
    }

    [Fact]
    public void WorstLossObjectiveEqualisesTwoCompetingLosses()
    {
        string[] domains = ["h_a", "h_b"];
        var law = new DataMixingLaw(domains);
        var model = MixtureModel.FromFits(domains, [new FittedLaw(law, [0.5, 0.0, -2.0, 0.0], "la"), new FittedLaw(law, [0.5, 0.0, 0.0, -2.0], "lb")]);
        var plan = MixtureOptimizer.Optimize(new MixtureProblem { Model = model, Objective = MixtureObjective.Worst() }, Fast);
        output.WriteLine(plan.Report());
        Assert.Equal(MixturePlanStatus.Optimal, plan.Status);
        Assert.Equal(0.5, plan.Weight("h_a"), 1e-7);
        Assert.Equal(plan.Loss("la"), plan.Loss("lb"), 1e-7);
        Assert.Equal(Math.Exp(0.5) + Math.Exp(-1), plan.ObjectiveValue, 1e-8);
    }

    [Fact]
    public void LossLimitBindsWithAPositiveMultiplier()
    {
        string[] domains = ["h_a", "h_b"];
        var law = new DataMixingLaw(domains);
        var model = MixtureModel.FromFits(domains, [new FittedLaw(law, [0.5, 0.0, -2.0, 0.0], "la"), new FittedLaw(law, [0.5, 0.0, 0.0, -2.0], "lb")]);
        double limit = Math.Exp(0.5) + Math.Exp(-2 * 0.3); // lb at h_b = 0.3
        var plan = MixtureOptimizer.Optimize(new MixtureProblem
        {
            Model = model,
            Objective = MixtureObjective.Target("la"),
            LossConstraints = [LossConstraint.AtMost("lb", limit)],
        }, Fast);
        Assert.Equal(MixturePlanStatus.Optimal, plan.Status);
        Assert.Equal(0.3, plan.Weight("h_b"), 1e-7);
        Assert.True(plan.Loss("lb") <= limit + 1e-8);
        var active = plan.ActiveConstraints.Single(c => c.Kind == ConstraintKind.LossLimit);
        Assert.True(active.Multiplier > 0.1);
        Assert.True(plan.KktResidual < 1e-6, plan.Report());
    }

    [Fact]
    public void InfeasibleBoundsAreAStateNamingTheConstraints()
    {
        var model = MixtureTestModels.DataMixing(new Random(1), 3, 1);
        var problem = new MixtureProblem
        {
            Model = model,
            Objective = MixtureObjective.Target("loss_1"),
            LowerBounds = MixtureTestModels.Bounds(("h_d1", 0.6), ("h_d2", 0.5)),
        };
        var plan = MixtureOptimizer.Optimize(problem, Fast);
        Assert.Equal(MixturePlanStatus.Infeasible, plan.Status);
        Assert.Contains("lower bounds sum to 1.1", plan.Message);
        Assert.Contains("'h_d1' ≥ 0.6", plan.Message);
        Assert.Contains("'h_d2' ≥ 0.5", plan.Message);
        Assert.NotEmpty(plan.ViolatedConstraints);
        var error = Assert.Throws<InfeasibleMixtureException>(() => plan.EnsureFeasible());
        Assert.Contains("h_d1", error.Message);

        var capped = MixtureOptimizer.Optimize(problem with
        {
            LowerBounds = ImmutableDictionary<string, double>.Empty,
            Budget = new TrainingBudget(tokens: 1e10),
            Availability = [new("h_d1", 1e9), new("h_d2", 1e9), new("h_d3", 1e9, 2)],
        }, Fast);
        Assert.Equal(MixturePlanStatus.Infeasible, capped.Status);
        Assert.Contains("upper bounds sum to 0.4", capped.Message);
        Assert.Contains("data availability", capped.Message);

        var crossed = MixtureOptimizer.Optimize(problem with
        {
            LowerBounds = MixtureTestModels.Bounds(("h_d1", 0.5)),
            UpperBounds = MixtureTestModels.Bounds(("h_d1", 0.4)),
        }, Fast);
        Assert.Equal(MixturePlanStatus.Infeasible, crossed.Status);
        Assert.Contains("'h_d1' must be ≥ 0.5 (lower bound) but ≤ 0.4", crossed.Message);
    }

    [Fact]
    public void UnreachableLossLimitIsInfeasibleAndNamed()
    {
        string[] domains = ["h_a", "h_b"];
        var law = new DataMixingLaw(domains);
        var model = MixtureModel.FromFits(domains, [new FittedLaw(law, [0.5, 0.0, -2.0, 0.0], "la"), new FittedLaw(law, [0.5, 0.0, 0.0, -2.0], "lb")]);
        var plan = MixtureOptimizer.Optimize(new MixtureProblem
        {
            Model = model,
            Objective = MixtureObjective.Target("la"),
            LossConstraints = [LossConstraint.WithinTolerance("lb", 1.0, LossTolerance.Relative(0.03))],
        }, Fast);
        Assert.Equal(MixturePlanStatus.Infeasible, plan.Status);
        Assert.Contains("lb ≤ 1.03", plan.Message);
        var violated = Assert.Single(plan.ViolatedConstraints);
        Assert.Equal(ConstraintKind.LossLimit, violated.Kind);
        Assert.Equal(Math.Exp(0.5) + Math.Exp(-2), violated.Value, 1e-6); // the closest it gets: all weight on h_b
        Assert.Throws<InfeasibleMixtureException>(() => plan.EnsureFeasible());
    }

    [Fact]
    public void ProgrammerErrorsThrowWithClearMessages()
    {
        var model = MixtureTestModels.DataMixing(new Random(1), 3, 1);
        var unknownLoss = Assert.Throws<ArgumentException>(() => MixtureOptimizer.Optimize(new MixtureProblem { Model = model, Objective = MixtureObjective.Target("loss_l") }));
        Assert.Contains("Did you mean 'loss_1'", unknownLoss.Message);
        var unknownDomain = Assert.Throws<ArgumentException>(() => MixtureOptimizer.Optimize(new MixtureProblem
        {
            Model = model, Objective = MixtureObjective.Target("loss_1"), UpperBounds = MixtureTestModels.Bounds(("h_web", 0.5)),
        }));
        Assert.Contains("'h_web' is not a training domain", unknownDomain.Message);
        var additive = MixtureModel.FromFit(new FittedLaw(new MixtureAdditiveLaw(["h_a", "h_b"]), [1.8, 400, 400, 0.3, 0.3, 1, 1, 0.5, 0.5], "loss"));
        var noBudget = Assert.Throws<ArgumentException>(() => MixtureOptimizer.Optimize(new MixtureProblem { Model = additive, Objective = MixtureObjective.Target("loss") }));
        Assert.Contains("model size N", noBudget.Message);
        var unbound = Assert.Throws<ArgumentException>(() => MixtureModel.FromPerDomainFits(["h_a"], [new FittedLaw(new BiMixLaw(), [0.1, 10, 0.5, 2])]));
        Assert.Contains("variable 's'", unbound.Message);
    }

    [Fact]
    public void BiMixOptimumMatchesTheAnalyticSolution()
    {
        // L = Σᵢ Kᵢ·rᵢ^(−αᵢ), Kᵢ = Bᵢ·s^(−βᵢ) + Cᵢ (Aᵢ = 1): rᵢ = (αᵢKᵢ/λ)^(1/(1+αᵢ)) with Σrᵢ = 1.
        var random = new Random(7);
        foreach (int k in new[] { 2, 4, 7 })
        {
            var domains = MixtureTestModels.Domains(k);
            double s = 30000;
            var fits = new List<FittedLaw>();
            var alpha = new double[k];
            var big = new double[k];
            for (int i = 0; i < k; i++)
            {
                alpha[i] = 0.02 + 0.3 * random.NextDouble();
                double b = 5 + 20 * random.NextDouble(), beta = 0.2 + 0.5 * random.NextDouble(), c = 1 + 2 * random.NextDouble();
                big[i] = b * Math.Pow(s, -beta) + c;
                fits.Add(new FittedLaw(new BiMixLaw(), [alpha[i], b, beta, c], $"loss_{i}"));
            }
            var model = MixtureModel.FromPerDomainFits(domains, fits, constants: new Dictionary<string, double> { ["s"] = s });
            var plan = MixtureOptimizer.Optimize(new MixtureProblem
            {
                Model = model,
                Objective = MixtureObjective.WeightedSum(model.Losses.Select(l => KeyValuePair.Create(l.Name, 1.0))),
            }, Fast);
            var analytic = BiMixAnalytic(alpha, big);
            output.WriteLine($"k = {k}: max |numeric − analytic| = {plan.Weights.Zip(analytic).Max(p => Math.Abs(p.First - p.Second)):G3}, KKT {plan.KktResidual:G3}");
            Assert.Equal(MixturePlanStatus.Optimal, plan.Status);
            for (int i = 0; i < k; i++) Assert.Equal(analytic[i], plan.Weights[i], 1e-6);
        }
    }

    internal static double[] BiMixAnalytic(double[] alpha, double[] big)
    {
        int k = alpha.Length;
        double Sum(double lambda) => Enumerable.Range(0, k).Sum(i => Math.Pow(alpha[i] * big[i] / lambda, 1 / (1 + alpha[i])));
        double lo = 1e-12, hi = 1e6;
        for (int it = 0; it < 300; it++)
        {
            double mid = Math.Sqrt(lo * hi);
            if (Sum(mid) > 1) lo = mid; else hi = mid;
        }
        double l = Math.Sqrt(lo * hi);
        return Enumerable.Range(0, k).Select(i => Math.Pow(alpha[i] * big[i] / l, 1 / (1 + alpha[i]))).ToArray();
    }

    [Property(MaxTest = 50, Replay = "(20250101,20250103)")]
    public Property OptimumIsFeasibleAndBeatsTenThousandRandomMixtures() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            int k = 2 + random.Next(7), m = 1 + random.Next(3);
            var model = random.Next(3) == 0 ? MixtureTestModels.Additive(random, k) : MixtureTestModels.DataMixing(random, k, m);
            var names = model.Losses.Select(l => l.Name).ToList();
            var objective = (random.Next(3), names.Count) switch
            {
                (0, _) or (_, 1) => MixtureObjective.Target(names[0]),
                (1, _) => MixtureObjective.WeightedSum(names.Select(n => KeyValuePair.Create(n, 0.1 + random.NextDouble()))),
                _ => MixtureObjective.Worst(),
            };
            var lower = ImmutableDictionary.CreateBuilder<string, double>();
            var upper = ImmutableDictionary.CreateBuilder<string, double>();
            foreach (var d in model.Domains)
            {
                if (random.Next(3) == 0) lower[d] = 0.5 / k * random.NextDouble();
                if (random.Next(3) == 0) upper[d] = 0.3 + 0.7 * random.NextDouble();
            }
            if (upper.Values.Sum() + (k - upper.Count) < 1.05) upper.Clear();
            var problem = new MixtureProblem
            {
                Model = model,
                Objective = objective,
                Budget = TrainingBudget.At(1e9, 2e10),
                LowerBounds = lower.ToImmutable(),
                UpperBounds = upper.ToImmutable(),
            };
            if (names.Count > 1 && random.Next(2) == 0)
            {
                // A loss limit halfway between the limited loss's minimum and its value at the centre.
                var centre = Enumerable.Repeat(1.0 / k, k).ToArray();
                var min = MixtureOptimizer.Optimize(problem with { Objective = MixtureObjective.Target(names[^1]) }, Fast);
                double limit = 0.5 * (min.ObjectiveValue + Math.Max(problem.Predict(centre)[names[^1]], min.ObjectiveValue + 1e-3));
                problem = problem with { LossConstraints = [LossConstraint.AtMost(names[^1], limit)] };
            }
            var plan = MixtureOptimizer.Optimize(problem, Fast with { Seed = seed });
            double sum = plan.Weights.Sum();
            bool onSimplex = Math.Abs(sum - 1) < 1e-12 && plan.Weights.All(w => w >= 0);
            bool inBounds = model.Domains.Select((d, j) => plan.Weights[j] >= lower.GetValueOrDefault(d, 0) - 1e-12 && plan.Weights[j] <= upper.GetValueOrDefault(d, 1) + 1e-12).All(b => b);
            bool limits = problem.LossConstraints.All(c => plan.Loss(c.Loss) <= c.Limit + 1e-8);
            double bestRandom = double.PositiveInfinity;
            var compiled = CompiledMixtureProblem.Create(problem);
            var evaluator = new MixtureEvaluator(compiled, [problem.Model]);
            var losses = new double[model.Losses.Length];
            foreach (var h in MixtureTestModels.FeasibleSamples(problem, 10_000, seed ^ 0x5a5a))
            {
                evaluator.Evaluate(h, losses, Span<double>.Empty);
                if (compiled.ConstraintLosses.Length > 0 && compiled.LossExcess(losses) > 0) continue;
                bestRandom = Math.Min(bestRandom, compiled.ObjectiveOf(losses));
            }
            bool beats = plan.ObjectiveValue <= bestRandom + 1e-10 * Math.Abs(bestRandom);
            return (plan.IsFeasible && onSimplex && inBounds && limits && beats)
                .Label($"seed {seed}: {plan.Status} sum {sum:R} bounds {inBounds} limits {limits} objective {plan.ObjectiveValue:R} vs random {bestRandom:R}\n{plan.Report()}");
        });

    [Fact]
    public void ResultsDoNotDependOnTheThreadCount()
    {
        var model = MixtureTestModels.DataMixing(new Random(3), 6, 3);
        var problem = new MixtureProblem { Model = model, Objective = MixtureObjective.Worst(), UpperBounds = MixtureTestModels.Bounds(("h_d1", 0.2)) };
        var one = MixtureOptimizer.Optimize(problem, new MixtureOptimizerOptions { MaxDegreeOfParallelism = 1 });
        var four = MixtureOptimizer.Optimize(problem, new MixtureOptimizerOptions { MaxDegreeOfParallelism = 4 });
        Assert.Equal(one.Weights.ToArray(), four.Weights.ToArray());
        Assert.Equal(one.ObjectiveValue, four.ObjectiveValue);
    }
}
