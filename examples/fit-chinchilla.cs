#!/usr/bin/env -S dotnet run
#:project ../src/ScalingLaws.Plotting/ScalingLaws.Plotting.csproj
#:property PublishAot=false
// Fit Chinchilla's law to Epoch AI's replication data the way Hoffmann et al. did (Huber loss on log loss, 4,500
// starts), predict an untrained run and compute the compute-optimal allocation; writes out/chinchilla-frontier.png.
// Run from the repository root: dotnet run examples/fit-chinchilla.cs
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Plotting;
using ScalingLaws.Plotting.Compute;
using ScalingLaws.Optimization.Compute;

var runs = EpochChinchillaReader.Read("data/epoch-chinchilla/svg_extracted_data.csv", EpochChinchillaReader.PublishedDropCount);
var law = LawCatalog.Create("chinchilla");
var fit = LevenbergMarquardt.Fit(law, runs.ToFitData(law.Variables, "loss"));
Console.WriteLine(fit.Report());
Console.WriteLine($"A = {Math.Exp(fit["a"].Value):F2}, B = {Math.Exp(fit["b"].Value):F1}, E = {Math.Exp(fit["e"].Value):F4}, alpha = {fit["alpha"].Value:F4}, beta = {fit["beta"].Value:F4}");
Console.WriteLine($"Predicted loss of a 70B model on 1.4T tokens: {fit.Predict(new Dictionary<string, double> { ["N"] = 70e9, ["D"] = 1.4e12 }):F4}");
foreach (double compute in new[] { 1e21, 1e23, 5.76e23 })
{
    var a = BudgetAllocator.Optimize(fit, compute);
    Console.WriteLine($"C = {a.Compute:0.00e0}: N = {a.ModelSize:0.00e0}, D = {a.Tokens:0.00e0}, tokens per parameter = {a.TokensPerParameter:F1}");
}
PlotFiles.SavePng(ComputeFrontierFigure.Create(fit, 1e18, 1e25), "out/chinchilla-frontier.png");
Console.WriteLine("wrote out/chinchilla-frontier.png");
