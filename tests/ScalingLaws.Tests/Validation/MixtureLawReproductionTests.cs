using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// Shukor et al.'s additive and joint mixture laws on the Data Mixing Laws 5-domain logs: fitted on the
/// 70M–410M runs, they predict the 1B runs. The paper's figures (LLM, 7 SlimPajama domains, fitted up to
/// 1.4B and evaluated at 3B: MRE additive 0.31–4.45 %, joint 0.34–2.51 %, means 1.39 % and 1.30 %) come from
/// other data, so they are reported next to ours, not asserted.
/// </summary>
/// <remarks>
/// <para>Fitting rows: every checkpoint at a multiple of 10k steps from 10k on, of the 26 mixtures of 70M,
/// 160M (10k–100k), 305M and 410M (10k–30k): 365 rows. Test rows: all 19 checkpoints of the six 1B runs
/// (20k–100k steps, the two reference mixtures included). N is the non-embedding parameter count and
/// D = step × 1,048,576. The target is each domain group's loss.</para>
/// <para>Additive law: the recipe's loss (Huber δ = 10⁻³ on linear residuals) and random-start ranges, 64
/// starts screened by 15 steps with the best 3 continuing for at most 5,000 steps (the recipe's 256 starts
/// on all 1,094 checkpoints ≥ 10k take minutes per group, and some starts wander for the full 50,000
/// steps). Joint law: started from the additive optimum embedded in it (γ^A = γ^B = 1, a_i = b_i = 1) and run for at most 1,000 steps. From the recipe's random starts the joint fits do not meet
/// the convergence tests within any affordable step budget (the objective keeps creeping along a flat
/// valley), and end within 3 % of the warm-started objectives.</para>
/// </remarks>
public class MixtureLawReproductionTests(ITestOutputHelper output)
{
    private static FitOptions AdditiveOptions(IScalingLaw law, FitData data) => new()
    {
        Starts = ((RandomStarts)law.DefaultRecipe(data).Starts) with { Count = 64 },
        Screening = new StartScreening(Iterations: 15, Survivors: 3),
        MaxIterations = 5_000,
    };

    /// <summary>The joint law's parameters that reproduce an additive fit exactly.</summary>
    private static ImmutableDictionary<string, double> Embed(FitResult additive, IScalingLaw joint)
    {
        var start = ImmutableDictionary.CreateBuilder<string, double>();
        foreach (var p in joint.Parameters)
        {
            string name = p.Name;
            start[name] = name switch
            {
                "gamma_A" or "gamma_B" => 1,
                _ when name.StartsWith("a_", StringComparison.Ordinal) || name.StartsWith("b_", StringComparison.Ordinal) => 1,
                _ => additive[name].Value,
            };
        }
        return start.ToImmutable();
    }

    [Fact]
    public void SmallModelsPredictTheOneBillionRuns()
    {
        var table = FiveMixData.All().WithColumn("D", r => r.Number("tokens"));
        var fitRows = table.Where(r => r.Text("size") != "1B" && r.Number("step") >= 10_000 && r.Number("step") % 10_000 == 0);
        var testRows = table.Where(r => r.Text("size") == "1B");
        Assert.Equal(19, testRows.RowCount);
        var additiveLaw = LawCatalog.Create("mixture-additive", FiveMixData.WeightColumns);
        var jointLaw = LawCatalog.Create("mixture-joint", FiveMixData.WeightColumns);

        var mre = new Dictionary<(string Law, string Group), double>();
        foreach (string group in FiveMixData.Groups)
        {
            string target = "loss_" + group;
            var fitTable = fitRows.DropMissing(target);
            var fitData = fitTable.ToFitData(additiveLaw.Variables, target);
            var additive = HoldOut.Evaluate(additiveLaw, fitTable, testRows, target,
                new ValidationOptions { Fit = AdditiveOptions(additiveLaw, fitData) });
            Assert.True(additive.IsUsable, additive.Fit.BriefReport());

            var embedded = Embed(additive.Fit, jointLaw);
            var jointAtStart = Enumerable.Range(0, fitData.Count).Select(i => jointLaw.Evaluate([.. jointLaw.Parameters.Select(p => embedded[p.Name])], fitData.Row(i)));
            Assert.Equal(additive.Fit.Objective, Metrics.Objective(fitData.Y, [.. jointAtStart], additive.Fit.Loss, additive.Fit.Space), 1e-12);
            var joint = HoldOut.Evaluate(jointLaw, fitTable, testRows, target, new ValidationOptions
            {
                Fit = new FitOptions { Starts = new ExplicitStarts([embedded]), MaxIterations = 1_000 },
            });
            Assert.True(joint.Fit.Objective <= additive.Fit.Objective, group);

            foreach (var (name, result) in (ReadOnlySpan<(string, HoldOutResult)>)[("additive", additive), ("joint", joint)])
            {
                mre[(name, group)] = result.TestMetrics.MeanRelativeError;
                output.WriteLine($"{name} {group}: fitted on {result.FitRows.Length} rows ({result.Fit.Termination}, objective {result.Fit.Objective:G5}), "
                    + $"in-sample MRE {100 * result.FitMetrics.MeanRelativeError:F2} %, 1B MRE {100 * result.TestMetrics.MeanRelativeError:F2} %, "
                    + $"mean error {result.Predicted.Zip(result.Observed, (p, o) => p - o).Average():+0.000;-0.000}");
            }
        }
        foreach (string name in (string[])["additive", "joint"])
        {
            double mean = FiveMixData.Groups.Average(g => mre[(name, g)]);
            output.WriteLine($"{name}: mean 1B MRE {100 * mean:F2} %");
            Assert.All(FiveMixData.Groups, g => Assert.True(mre[(name, g)] < 0.03, $"{name} {g}: 1B MRE {mre[(name, g)]:P2}"));
            Assert.True(mean < 0.02, $"{name}: mean 1B MRE {mean:P2}");
        }
    }
}
