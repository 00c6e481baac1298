using System.Globalization;
using System.Text.Json;
using ScalingLaws.Laws;
using ScalingLaws.Serialization;
using ScalingLaws.Uncertainty;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Bootstrapping;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;
using Xunit;

namespace ScalingLaws.Tests.Optimization;

public sealed class MixturePlanJsonTests : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    public MixturePlanJsonTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

    public void Dispose() => CultureInfo.CurrentCulture = _previous;

    [Fact]
    public void PlanWithBootstrapRoundTripsExactly()
    {
        var five = MixtureFixtures.FiveDomainFits;
        var ensemble = Bootstrap.Refit(five.Fits, five.Data, new BootstrapOptions { Replicates = 12, Seed = 4 });
        var problem = new MixtureProblem
        {
            Model = five.Model,
            Objective = five.TotalLoss,
            UpperBounds = MixtureTestModels.Bounds(("h_internet", 0.35)),
            Baselines = [MixtureBaseline.Uniform(5), new MixtureBaseline("natural", [0.341, 0.152, 0.05, 0.117, 0.34])],
        };
        var plan = BootstrapOptimum.Mixture(problem, ensemble, mixtureOptions: new MixtureOptimizerOptions { Samples = 256, Starts = 2 });
        string json = MixturePlanJson.Write(plan);
        Assert.Contains("\"schemaVersion\": 1", json);
        Assert.Contains("\"kind\": \"mixture-plan\"", json);
        Assert.DoesNotContain("NaN", json);
        var back = MixturePlanJson.Read(json);
        Assert.Equal(plan.Weights.ToArray(), back.Weights.ToArray());
        Assert.Equal(plan.ObjectiveValue, back.ObjectiveValue);
        Assert.Equal(plan.Status, back.Status);
        Assert.Equal(plan.Objective.Losses.ToArray(), back.Objective.Losses.ToArray());
        Assert.Equal(plan.Objective.Weights.ToArray(), back.Objective.Weights.ToArray());
        Assert.Equal(plan.Losses.ToArray(), back.Losses.ToArray());
        Assert.Equal(plan.ActiveConstraints.ToArray(), back.ActiveConstraints.ToArray());
        Assert.Equal(plan.Kkt, back.Kkt);
        Assert.Equal(plan.Baselines.Length, back.Baselines.Length);
        Assert.Equal(plan.Baselines[1].Baseline.Weights.ToArray(), back.Baselines[1].Baseline.Weights.ToArray());
        Assert.Equal(plan.Baselines[1].ObjectiveValue, back.Baselines[1].ObjectiveValue);
        Assert.Equal(plan.Uncertainty!.WeightIntervals.ToArray(), back.Uncertainty!.WeightIntervals.ToArray());
        Assert.Equal(plan.Uncertainty.RobustWeights.ToArray(), back.Uncertainty.RobustWeights.ToArray());
        Assert.Equal(plan.Uncertainty.WeightSamples.Length, back.Uncertainty.WeightSamples.Length);
        Assert.Equal(json, MixturePlanJson.Write(back));
        // The report and the JSON use invariant numbers under de-DE.
        Assert.Contains(plan.ObjectiveValue.ToString("G6", CultureInfo.InvariantCulture), plan.Report());
        Assert.Contains(plan.ObjectiveValue.ToString("R", CultureInfo.InvariantCulture), json);
    }

    [Fact]
    public void InfeasiblePlanAndAllocationsSerialise()
    {
        var model = MixtureTestModels.DataMixing(new Random(2), 3, 1);
        var plan = MixtureOptimizer.Optimize(new MixtureProblem
        {
            Model = model, Objective = MixtureObjective.Target("loss_1"), LowerBounds = MixtureTestModels.Bounds(("h_d1", 0.7), ("h_d2", 0.7)),
        });
        Assert.Contains("the lower bounds sum to 1.4 > 1 ('h_d1' ≥ 0.7, 'h_d2' ≥ 0.7)", plan.Message); // invariant numbers under de-DE
        var back = MixturePlanJson.Read(MixturePlanJson.Write(plan));
        Assert.Equal(MixturePlanStatus.Infeasible, back.Status);
        Assert.Equal(plan.Message, back.Message);
        Assert.Equal(plan.ViolatedConstraints.ToArray(), back.ViolatedConstraints.ToArray());

        var allocation = BudgetAllocator.Optimize(new FittedLaw(new ChinchillaLaw(), BudgetAllocatorTests.Hoffmann), 1e21);
        var text = MixturePlanJson.WriteAllocation(allocation);
        var read = MixturePlanJson.ReadAllocation(text);
        Assert.Equal(allocation.ModelSize, read.ModelSize);
        Assert.Equal(allocation.ModelSizeExponent, read.ModelSizeExponent);
        Assert.Equal(allocation.Variables, read.Variables);
        var frontier = MixturePlanJson.WriteFrontier(BudgetAllocator.Frontier(new FittedLaw(new ChinchillaLaw(), BudgetAllocatorTests.Hoffmann), 1e19, 1e23, 3));
        using var document = JsonDocument.Parse(frontier);
        Assert.Equal(3, document.RootElement.GetProperty("points").GetArrayLength());
        Assert.Equal("frontier", document.RootElement.GetProperty("kind").GetString());
        Assert.Throws<JsonException>(() => MixturePlanJson.Read(text));
    }
}
