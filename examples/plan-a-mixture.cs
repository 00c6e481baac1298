#!/usr/bin/env -S dotnet run
#:project ../src/ScalingLaws.Plotting/ScalingLaws.Plotting.csproj
#:property PublishAot=false
// Plan a data mixture with uncertainty: fit the data mixing law per Pile domain group to mixinglaws' 26 five-domain
// 70M runs (step 30k), minimise the validation-weighted total loss with internet text capped at 35 %, and bootstrap
// the optimum (20 replicates); writes out/mixture-weights.png.
// Run from the repository root: dotnet run examples/plan-a-mixture.cs
using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Plotting;
using ScalingLaws.Plotting.Mixtures;
using ScalingLaws.Uncertainty;
using ScalingLaws.Optimization.Bootstrapping;
using ScalingLaws.Optimization.Mixtures;

var validWeights = PileDomainGroups.ReadValidWeights("data/mixinglaws/valid_weight.json");
var table = PileDomainGroups.AddGroupLosses(MixingLawsReader.Read("data/mixinglaws/5Mix/70M.txt"), validWeights)
    .Where(row => row.Number("step") == 30000 && row.Number("reference_run") == 0);
var groups = PileDomainGroups.GroupNames;
var domains = groups.Select(g => "h_" + g).ToList();
var groupWeight = PileDomainGroups.GroupWeights(validWeights);
var law = LawCatalog.Create("data-mixing", domains);
var fitData = groups.Select(g => table.ToFitData(law.Variables, "loss_" + g)).ToList();
var fits = fitData.Select(d => LevenbergMarquardt.Fit(law, d)).ToList();
foreach (var fit in fits) Console.WriteLine(fit.BriefReport());

var problem = new MixtureProblem
{
    Model = MixtureModel.FromFits(domains, fits),
    Objective = MixtureObjective.WeightedSum(groups.ToDictionary(g => "loss_" + g, g => groupWeight[g])),
    UpperBounds = ImmutableDictionary<string, double>.Empty.Add("h_internet", 0.35),
    Baselines = [MixtureBaseline.Uniform(domains.Count)],
};
var ensemble = Bootstrap.Refit(fits, fitData, new BootstrapOptions { Replicates = 20, Seed = 1 });
var plan = BootstrapOptimum.Mixture(problem, ensemble, new BootstrapOptions { Level = 0.9 });
Console.WriteLine(plan.Report());

var u = plan.Uncertainty!;
var figure = MixtureWeightsFigure.Create(domains,
[
    new WeightSet("optimum (internet ≤ 0.35)", plan.Weights)
        { Lower = [.. u.WeightIntervals.Select(i => i.Lower)], Upper = [.. u.WeightIntervals.Select(i => i.Upper)] },
    new WeightSet("robust", u.RobustWeights),
    .. plan.Baselines.Select(b => new WeightSet(b.Name, b.Baseline.Weights)),
]);
PlotFiles.SavePng(figure, "out/mixture-weights.png");
Console.WriteLine("wrote out/mixture-weights.png");
