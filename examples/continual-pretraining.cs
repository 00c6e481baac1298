#!/usr/bin/env -S dotnet run
#:project ../src/ScalingLaws.Plotting/ScalingLaws.Plotting.csproj
#:property PublishAot=false
// Continual pre-training of a 70M Pile model on Python (mixinglaws' ct runs, five Python shares, 10k steps): fit the
// Python loss and the Pile loss against the Python share r with the CMR law L(r) = alpha*r^s + beta, choose the share
// that lowers the Python loss most while the Pile loss rises at most 1 % (D-CPT usage 1), find the critical mixture
// ratio, and follow it over the continual-training steps. Writes out/continual-pretraining.png.
// Run from the repository root: dotnet run examples/continual-pretraining.cs
using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Plotting;
using ScalingLaws.Plotting.Mixtures;
using ScalingLaws.Optimization.Continual;

var weights = PileDomainGroups.ReadValidWeights("data/mixinglaws/valid_weight.json");
var table = PileDomainGroups.AddGroupLosses(MixingLawsReader.Read("data/mixinglaws/ct/70M.txt"), weights);
double pileBefore = table.Where(row => row.Number("step") == 0).Row(0).Number("loss_total");
var runs = table.Where(row => row.Number("step") > 0).WithColumn("R", row => row.Number("h_python"));
var last = runs.Where(row => row.Number("step") == 10000);

var law = LawCatalog.Create("cmr-ratio");
var python = LevenbergMarquardt.Fit(law, last.ToFitData(law.Variables, "loss_python"));
var pile = LevenbergMarquardt.Fit(law, last.ToFitData(law.Variables, "loss_total"));
Console.WriteLine(python.BriefReport());
Console.WriteLine(pile.BriefReport());

var options = new ContinualPretrainingOptions { ShareVariable = "R", GeneralLawUsesDomainShare = true };
var tolerance = LossTolerance.Relative(0.01);
var choice = ContinualPretraining.TradeOff(python, pile, double.NaN, double.NaN, pileBefore, tolerance, options);
var critical = ContinualPretraining.CriticalRatio(pile, double.NaN, double.NaN, pileBefore, tolerance, options);
Console.WriteLine($"Pile loss before continual training {pileBefore:F4}; limit {tolerance.Limit(pileBefore):F4}");
Console.WriteLine($"trade-off: Python share {choice.DomainShare:F3}, Python loss {choice.DomainLoss:F4}, Pile loss {choice.GeneralLoss:F4}");
Console.WriteLine($"critical mixture ratio: {critical.Ratio:F3} ({critical.Status})");

foreach (double step in runs.Numeric("step").Distinct().Order())
{
    var fit = LevenbergMarquardt.Fit(law, runs.Where(row => row.Number("step") == step).ToFitData(law.Variables, "loss_total"));
    var ratio = ContinualPretraining.CriticalRatio(fit, double.NaN, double.NaN, pileBefore, tolerance, options);
    Console.WriteLine($"step {step,6}: critical mixture ratio {ratio.Ratio:F3}");
}

var figure = MixtureRatioFigure.Create(
[
    RatioCurve.Sample("Python loss", r => FittedLaw.From(python).Evaluate([r])) with { ObservedRatios = last.Numeric("R"), ObservedLosses = last.Numeric("loss_python") },
    RatioCurve.Sample("Pile loss", r => FittedLaw.From(pile).Evaluate([r])) with { ObservedRatios = last.Numeric("R"), ObservedLosses = last.Numeric("loss_total") },
], new MixtureRatioOptions { DomainName = "Python", CriticalRatio = critical.Ratio, CriticalLoss = critical.GeneralLossAtRatio, LossLimit = critical.Limit });
PlotFiles.SavePng(figure, "out/continual-pretraining.png");
Console.WriteLine("wrote out/continual-pretraining.png");
