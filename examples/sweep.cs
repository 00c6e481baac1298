#!/usr/bin/env -S dotnet run
#:project ../src/ScalingLaws.Plotting/ScalingLaws.Plotting.csproj
#:property PublishAot=false
// A sweep: for every validation domain group of mixinglaws' 70M five-domain runs (step 30k), fit the data mixing
// law, score it on six held-out mixtures, and write one parity figure per target to out/sweep/; a summary table goes
// to out/sweep/summary.csv. Run from the repository root: dotnet run examples/sweep.cs
using System.Globalization;
using System.Text;
using ScalingLaws.Data;
using ScalingLaws.Laws;
using ScalingLaws.Plotting;
using ScalingLaws.Plotting.Fits;
using ScalingLaws.Validation;

var weights = PileDomainGroups.ReadValidWeights("data/mixinglaws/valid_weight.json");
var table = PileDomainGroups.AddGroupLosses(MixingLawsReader.Read("data/mixinglaws/5Mix/70M.txt"), weights)
    .Where(row => row.Number("step") == 30000 && row.Number("reference_run") == 0);
var domains = PileDomainGroups.GroupNames.Select(g => "h_" + g).ToList();
var law = LawCatalog.Create("data-mixing", domains);
var split = HoldOutSplit.Random(table.RowCount, 6, seed: 1);
var summary = new StringBuilder("target,converged,in_sample_mae,held_out_mae,figure\n");
foreach (string target in PileDomainGroups.GroupNames.Select(g => "loss_" + g).Append("loss_total"))
{
    var holdOut = HoldOut.Evaluate(law, table, target, split);
    string figure = $"out/sweep/{target}-parity.png";
    PlotFiles.SavePng(ParityFigure.Create(holdOut.Fit, table.Where(split.FitRows), table.Where(split.TestRows)), figure);
    Console.WriteLine(holdOut.Summary());
    summary.Append(string.Create(CultureInfo.InvariantCulture,
        $"{target},{holdOut.IsUsable},{holdOut.FitMetrics.MeanAbsoluteError:G6},{holdOut.TestMetrics.MeanAbsoluteError:G6},{figure}\n"));
}
File.WriteAllText("out/sweep/summary.csv", summary.ToString());
Console.WriteLine("wrote out/sweep/summary.csv and 6 figures");
