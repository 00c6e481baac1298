#!/usr/bin/env -S dotnet run
#:project ../src/ScalingLaws.Plotting/ScalingLaws.Plotting.csproj
#:property PublishAot=false
// Compare laws on held-out scale: fit Chinchilla's and Kaplan's laws and a least-squares formula to the Epoch runs
// with N < 5e9, rank them by their error on the larger models; writes out/compare-laws-parity.png.
// Run from the repository root: dotnet run examples/compare-laws.cs
using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Plotting;
using ScalingLaws.Plotting.Fits;
using ScalingLaws.Validation;

var runs = EpochChinchillaReader.Read("data/epoch-chinchilla/svg_extracted_data.csv", EpochChinchillaReader.PublishedDropCount);
var split = HoldOutSplit.Where(runs, row => row.Number("N") < 5e9);
var formula = FormulaLaw.Create("E + A*N^-alpha + B*D^-beta", runs.ColumnNames);
var formulaOptions = new FitOptions
{
    Initial = new Dictionary<string, double> { ["E"] = 1.8, ["A"] = 400, ["alpha"] = 0.3, ["B"] = 2000, ["beta"] = 0.35 }.ToImmutableDictionary(),
    Bounds = new Dictionary<string, (double, double)> { ["E"] = (0, 10), ["alpha"] = (0, 2), ["beta"] = (0, 2) }.ToImmutableDictionary(),
};
var candidates = new[] { LawCandidate.Of(LawCatalog.Create("chinchilla")), LawCandidate.Of(LawCatalog.Create("kaplan")), new LawCandidate("formula", formula, formulaOptions) };
var comparison = LawComparison.Compare(candidates, runs, "loss", new LawComparisonOptions { Split = split, RankBy = ComparisonCriterion.HeldOutError });
Console.WriteLine(comparison.ToText());
var best = comparison.Best.HeldOut!;
Console.WriteLine(best.Summary());
PlotFiles.SavePng(ParityFigure.Create(best.Fit, runs.Where(split.FitRows), runs.Where(split.TestRows)), "out/compare-laws-parity.png");
Console.WriteLine("wrote out/compare-laws-parity.png");
