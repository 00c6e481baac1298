using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;
using ScalingLaws.Optimization.Solvers;
using Xunit;

namespace ScalingLaws.Tests.Optimization;

/// <summary>∂L/∂h of the evaluator (analytic where implemented, chain rule through pricing) against finite differences.</summary>
public class MixtureGradientTests
{
    private static void CheckAgainstFiniteDifferences(MixtureProblem problem, double[] h, double tolerance)
    {
        var compiled = CompiledMixtureProblem.Create(problem);
        var evaluator = new MixtureEvaluator(compiled, [problem.Model]);
        int k = compiled.K, m = compiled.M;
        var values = new double[m];
        var gradients = new double[m * k];
        Assert.True(evaluator.Evaluate(h, values, gradients));
        var plus = new double[m];
        var minus = new double[m];
        for (int j = 0; j < k; j++)
        {
            double step = 1e-6;
            var hp = (double[])h.Clone(); hp[j] += step;
            var hm = (double[])h.Clone(); hm[j] -= step;
            evaluator.Evaluate(hp, plus, Span<double>.Empty);
            evaluator.Evaluate(hm, minus, Span<double>.Empty);
            for (int i = 0; i < m; i++)
            {
                double numeric = (plus[i] - minus[i]) / (2 * step);
                Assert.True(Math.Abs(numeric - gradients[i * k + j]) <= tolerance * (1 + Math.Abs(numeric)),
                    $"loss {i}, domain {j}: analytic {gradients[i * k + j]:R}, numeric {numeric:R}");
            }
        }
    }

    private static double[] Interior(Random random, int k)
    {
        var h = Enumerable.Range(0, k).Select(_ => 0.2 + random.NextDouble()).ToArray();
        double sum = h.Sum();
        return h.Select(x => x / sum).ToArray();
    }

    [Property(MaxTest = 40, Replay = "(424242,1717)")]
    public Property CatalogueMixtureLawsHaveCorrectWeightGradients() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            int k = 2 + random.Next(5);
            var domains = MixtureTestModels.Domains(k);
            var budget = TrainingBudget.At(1e9 * (1 + random.NextDouble()), 2e10 * (1 + random.NextDouble()));
            var joint = new List<double> { 1.7, 50 + 300 * random.NextDouble(), 50 + 300 * random.NextDouble(), 0.3, 0.3 };
            for (int j = 0; j < k; j++) joint.Add(0.5 + random.NextDouble());
            for (int j = 0; j < k; j++) joint.Add(0.2 + random.NextDouble());
            for (int j = 1; j < k; j++) joint.Add(0.3 + 2 * random.NextDouble());
            joint.Add(0.7 + 0.6 * random.NextDouble());
            for (int j = 1; j < k; j++) joint.Add(0.3 + 2 * random.NextDouble());
            joint.Add(0.7 + 0.6 * random.NextDouble());
            var model = MixtureTestModels.DataMixing(random, k, 2)
                .Add(MixtureTestModels.Additive(random, k).Losses[0].Law, "additive")
                .Add(new FittedLaw(new MixtureJointLaw(domains), joint), "joint");
            var problem = new MixtureProblem { Model = model, Objective = MixtureObjective.Target("joint"), Budget = budget };
            CheckAgainstFiniteDifferences(problem, Interior(random, k), 1e-6);
            return true.ToProperty();
        });

    [Fact]
    public void PerDomainAndContinualPretrainingLawsHaveCorrectGradients()
    {
        var random = new Random(5);
        string[] domains = ["h_general", "h_domain"];
        var dcpt = new FittedLaw(new DcptLaw(), [1.6, 300, 200, 0.05, 0.3, 0.3, 0.2, 0.5, 0.01], "domain_loss");
        var bimix = new FittedLaw(new BiMixLaw(), [0.1, 12, 0.4, 2], "bimix");
        var formula = FormulaLaw.Create("c + k*exp(t1*h_general + t2*h_domain)", ["h_general", "h_domain"]);
        var user = new FittedLaw(formula, formula.Parameters.Select(p => p.Name switch { "c" => 1.5, "k" => 0.7, "t1" => -0.4, _ => -1.3 }), "formula");
        var model = new MixtureModel(domains, [])
            .Add(dcpt, domainOf: new Dictionary<string, string> { ["r"] = "h_domain" })
            .Add(bimix, domainOf: new Dictionary<string, string> { ["r"] = "h_general" }, constants: new Dictionary<string, double> { ["s"] = 2e4 })
            .Add(user);
        var problem = new MixtureProblem { Model = model, Objective = MixtureObjective.Target("domain_loss"), Budget = TrainingBudget.At(1.8e9, 1e10) };
        CheckAgainstFiniteDifferences(problem, [0.3, 0.7], 1e-6);
        CheckAgainstFiniteDifferences(problem, Interior(random, 2), 1e-6);
    }

    [Fact]
    public void RepetitionPricingChainRuleIsCorrect()
    {
        var random = new Random(9);
        int k = 4;
        var additive = MixtureTestModels.Additive(random, k);
        var model = MixtureTestModels.DataMixing(random, k, 1).Add(additive.Losses[0].Law, "additive");
        var problem = new MixtureProblem
        {
            Model = model,
            Objective = MixtureObjective.Target("additive"),
            Budget = TrainingBudget.At(1e9, 1e11),
            Availability = [new("h_d1", 5e9, double.PositiveInfinity), new("h_d3", 2e10, double.PositiveInfinity)],
            Repetition = RepetitionPricing.Published,
        };
        CheckAgainstFiniteDifferences(problem, [0.4, 0.1, 0.3, 0.2], 1e-6);
        CheckAgainstFiniteDifferences(problem, [0.04, 0.5, 0.1, 0.36], 1e-6);
    }

    [Fact]
    public void NumericFallbackUsesOneSidedDifferencesAtZero()
    {
        // A user law √h is not defined below 0: the one-sided formula must not step there.
        var formula = FormulaLaw.Create("c + k*sqrt(h_a + 1) + q*h_b^2", ["h_a", "h_b"]);
        var law = new FittedLaw(formula, formula.Parameters.Select(p => p.Name switch { "c" => 1.0, "k" => -0.5, _ => 2.0 }), "loss");
        var problem = new MixtureProblem { Model = MixtureModel.FromFit(law), Objective = MixtureObjective.Target("loss") };
        var compiled = CompiledMixtureProblem.Create(problem);
        var evaluator = new MixtureEvaluator(compiled, [problem.Model]);
        var values = new double[1];
        var gradients = new double[2];
        var names = problem.Model.Domains;
        double[] h = names[0] == "h_a" ? [0.0, 1.0] : [1.0, 0.0];
        evaluator.Evaluate(h, values, gradients);
        int a = names.IndexOf("h_a"), b = names.IndexOf("h_b");
        Assert.Equal(-0.5 * 0.5, gradients[a], 1e-8);
        Assert.Equal(2.0 * 2 * h[b], gradients[b], 1e-8);
    }

    [Property(MaxTest = 300, Replay = "(99,101)")]
    public Property ProjectionIsTheNearestPointOfTheBoundedSimplex() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            int k = 1 + random.Next(12);
            var lower = Enumerable.Range(0, k).Select(_ => random.Next(2) == 0 ? 0 : 0.8 / k * random.NextDouble()).ToArray();
            var upper = Enumerable.Range(0, k).Select(j => random.Next(2) == 0 ? 1 : Math.Max(lower[j], 1.0 / k + random.NextDouble())).ToArray();
            if (upper.Sum() < 1) upper = upper.Select(_ => 1.0).ToArray();
            var v = Enumerable.Range(0, k).Select(_ => 4 * random.NextDouble() - 2).ToArray();
            var p = new double[k];
            SimplexProjection.Project(v, lower, upper, p);
            bool feasible = Math.Abs(p.Sum() - 1) < 1e-14 && p.Select((x, j) => x >= lower[j] && x <= upper[j]).All(b => b);
            // Variational inequality ⟨v − p, q − p⟩ ≤ 0 for feasible q (here: random feasible points).
            bool nearest = true;
            for (int t = 0; t < 50; t++)
            {
                var q = new double[k];
                SimplexProjection.Project(Enumerable.Range(0, k).Select(_ => 4 * random.NextDouble() - 2).ToArray(), lower, upper, q);
                double inner = 0;
                for (int j = 0; j < k; j++) inner += (v[j] - p[j]) * (q[j] - p[j]);
                nearest &= inner <= 1e-12;
            }
            var again = new double[k];
            SimplexProjection.Project(p, lower, upper, again);
            bool idempotent = p.Zip(again).All(z => Math.Abs(z.First - z.Second) < 1e-14);
            return (feasible && nearest && idempotent).Label($"seed {seed}: feasible {feasible}, nearest {nearest}, idempotent {idempotent}");
        });
}
