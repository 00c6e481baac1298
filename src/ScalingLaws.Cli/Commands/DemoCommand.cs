using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Plotting.Mixtures;
using ScalingLaws.Plotting.Reports;
using ScalingLaws.Serialization;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Cli.Commands;

/// <summary>
/// <c>scaling-laws demo</c>: the main job on the bundled data — Chinchilla's law and the compute-optimal
/// allocation on Epoch's data, then a data mixing law and the optimal mixture on mixinglaws' 5-domain
/// runs, written as a Markdown/HTML report with figures.
/// </summary>
internal static class DemoCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the report, figures and JSON results", DefaultValueFactory = _ => "out" };
        var threads = CommonOptions.Threads();
        var command = new Command("demo", """
            Run the main job on the bundled data and write a report to --out (default ./out):
              1. Chinchilla's law fitted to Epoch AI's 240 points with Hoffmann's procedure, and the
                 compute-optimal N and D;
              2. a data mixing law (Ye et al.) per Pile domain group on mixinglaws' 26 five-domain mixtures
                 (70M, step 30k), and the mixture minimising the validation-weighted total loss, beside
                 the uniform mixture and the best mixture that was trained.

            Example:
              scaling-laws demo --out out
            """) { outDir, threads };
        command.SetAction((parse, cancellation) => CliApp.Guard(context, () =>
        {
            var clock = Stopwatch.StartNew();
            string dir = parse.GetValue(outDir)!;
            int parallelism = parse.GetValue(threads);
            var report = new ReportBuilder("ScalingLaws demo: compute-optimal scaling and an optimal data mixture");
            var summary = new StringBuilder();

            // 1. Chinchilla on Epoch's replication data.
            string epoch = BundledData.Path("epoch-chinchilla", "svg_extracted_data.csv");
            var runs = EpochChinchillaReader.Read(epoch, EpochChinchillaReader.PublishedDropCount);
            var chinchilla = LawCatalog.Create("chinchilla");
            var fit = LevenbergMarquardt.Fit(chinchilla, runs.ToFitData(chinchilla.Variables, "loss"),
                new FitOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation });
            double A = Math.Exp(fit["a"].Value), B = Math.Exp(fit["b"].Value), E = Math.Exp(fit["e"].Value);
            summary.AppendLine($"1. Chinchilla law on Epoch's {runs.RowCount} points (Huber δ = 1e-3 on log loss, {fit.Starts.Tried} starts): {(fit.IsUsable ? "converged" : "NOT converged")}");
            summary.AppendLine(string.Create(Inv, $"   A = {A:F2}, B = {B:F1}, E = {E:F4}, α = {fit["alpha"].Value:F4}, β = {fit["beta"].Value:F4}; objective {fit.Objective:G8} (Epoch: A = 477.84, B = 2143.86, E = 1.81724, α = 0.347313, β = 0.367183, objective 0.0010182740)"));
            report.Section("1. Compute-optimal scaling");
            report.Paragraph($"Chinchilla's parametric law L = E + A/N^α + B/D^β fitted to the {runs.RowCount} points Epoch AI extracted from the Chinchilla paper (the 5 highest losses dropped), with Hoffmann et al.'s procedure: Huber loss (δ = 10⁻³) on log loss, a 4,500-start grid.");
            report.KeyValues([("A", A), ("B", B), ("E", E), ("α", fit["alpha"].Value), ("β", fit["beta"].Value), ("objective", fit.Objective)], "Chinchilla law (Epoch's replication: A = 477.84, B = 2143.86, E = 1.81724, α = 0.347313, β = 0.367183, objective 0.0010182740)");
            FitReports.Add(report, fit, runs, "chinchilla");
            var allocations = new[] { 1e19, 1e21, 1e23, 5.76e23, 1e25 }.Select(c => BudgetAllocator.Optimize(FittedLaw.From(fit), c)).ToList();
            report.Table(["C (FLOP)", "N", "D", "D/N", "predicted loss"],
                allocations.Select(a => (IReadOnlyList<string>)[a.Compute.ToString("G3", Inv), a.ModelSize.ToString("G4", Inv), a.Tokens.ToString("G4", Inv),
                    a.TokensPerParameter.ToString("F1", Inv), a.Loss.ToString("F4", Inv)]).ToList(), "Compute-optimal allocation (C = 6ND)");
            summary.AppendLine("   Compute-optimal allocation (C = 6ND):");
            foreach (var a in allocations)
                summary.AppendLine(string.Create(Inv, $"     C = {a.Compute,-9:G3} N = {a.ModelSize,-10:G4} D = {a.Tokens,-10:G4} D/N = {a.TokensPerParameter,5:F1}  L = {a.Loss:F4}"));

            // 2. Data mixing law on mixinglaws' five-domain runs.
            var table = MixingLawsReader.Read(BundledData.Path("mixinglaws", "5Mix", "70M.txt"));
            var validWeights = PileDomainGroups.ReadValidWeights(BundledData.Path("mixinglaws", "valid_weight.json"));
            table = PileDomainGroups.AddGroupLosses(table, validWeights).Where(r => r.Number("step") == 30000 && r.Number("reference_run") == 0);
            var domains = WeightColumnNames.Default(table.ColumnNames).ToList();
            var mixingLaw = LawCatalog.Create("data-mixing", domains);
            var groupFits = PileDomainGroups.GroupNames.Select(g => LevenbergMarquardt.Fit(mixingLaw, table.ToFitData(mixingLaw.Variables, "loss_" + g),
                new FitOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellation })).ToList();
            var weightOf = PileDomainGroups.GroupWeights(validWeights);
            var groupWeights = PileDomainGroups.GroupNames.ToDictionary(g => "loss_" + g, g => weightOf[g]);
            var observedTotal = table.Numeric("loss_total");
            int best = Enumerable.Range(0, table.RowCount).MinBy(i => observedTotal[i]);
            var problem = new MixtureProblem
            {
                Model = MixtureModel.FromFits(domains, groupFits),
                Objective = MixtureObjective.WeightedSum(groupWeights),
                Baselines = [MixtureBaseline.Uniform(domains.Count), new MixtureBaseline("best trained", domains.Select(d => table.Numeric(d)[best]), "lowest observed total loss of the 26 runs")],
            };
            var plan = MixtureOptimizer.Optimize(problem, new MixtureOptimizerOptions { MaxDegreeOfParallelism = parallelism });
            summary.AppendLine();
            summary.AppendLine($"2. Data mixing law per domain group on {table.RowCount} five-domain mixtures (70M, step 30k): {groupFits.Count(f => f.IsUsable)}/{groupFits.Count} fits converged");
            summary.AppendLine(string.Create(Inv, $"   Optimal mixture for the validation-weighted total loss (predicted {plan.ObjectiveValue:F4}):"));
            summary.AppendLine("     " + string.Join(", ", plan.Domains.Select((d, i) => string.Create(Inv, $"{d[2..]} {plan.Weights[i]:F3}"))));
            foreach (var b in plan.Baselines)
                summary.AppendLine(string.Create(Inv, $"   {b.Name}: predicted {b.ObjectiveValue:F4} (+{b.Gap:F4})"));
            report.Section("2. An optimal data mixture");
            report.Paragraph($"Data mixing law L_i(r) = c_i + k_i·exp(Σ_j t_ij·r_j) (Ye et al. 2025) fitted per Pile domain group to the {table.RowCount} five-domain mixtures of mixinglaws' 70M runs at step 30k (Huber δ = 0.05, 6,000 starts each); the mixture minimises the validation-weighted total loss (group weights from valid_weight.json).");
            report.Table(["group", "R²", "MAE", "converged"], groupFits.Select(f => (IReadOnlyList<string>)[f.Target, f.Statistics.RSquared.ToString("F4", Inv),
                f.Statistics.MeanAbsoluteError.ToString("F4", Inv), f.IsUsable ? "yes" : "no"]).ToList(), "Per-group fits");
            report.Preformatted(plan.Report());
            report.Figure("mixture-weights", MixtureWeightsFigure.Create(plan.Domains,
                [new WeightSet("optimum", plan.Weights), .. plan.Baselines.Select(b => new WeightSet(b.Name, b.Baseline.Weights))]),
                "Optimal domain weights beside the uniform mixture and the best trained mixture.");

            Directory.CreateDirectory(dir);
            AtomicFile.WriteAllText(Path.Combine(dir, "chinchilla-fit.json"), FitOutput.Json([fit]));
            AtomicFile.WriteAllText(Path.Combine(dir, "mixing-fits.json"), FitOutput.Json(groupFits));
            AtomicFile.WriteAllText(Path.Combine(dir, "mixture-plan.json"), MixturePlanJson.Write(plan) + "\n");
            var files = ReportCommand.Write(report.Build(), dir);
            summary.AppendLine();
            summary.AppendLine($"Report: {files.Markdown}, {files.Html} ({files.Figures.Length} figures); results: chinchilla-fit.json, mixing-fits.json, mixture-plan.json ({clock.Elapsed.TotalSeconds.ToString("F1", Inv)} s)");
            context.Out.Write(summary.ToString());
            return fit.IsUsable && groupFits.All(f => f.IsUsable) ? ExitCodes.Success : ExitCodes.NotConverged;
        }));
        return command;
    }
}
