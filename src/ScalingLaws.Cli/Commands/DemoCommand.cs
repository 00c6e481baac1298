using System.CommandLine;
using System.Globalization;
using System.Text;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws demo</c>: the main job on the bundled data.</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the report and figures", DefaultValueFactory = _ => "out" };
        var threads = CommonOptions.Threads();
        var command = new Command("demo", """
            Run the main job on the bundled data: fit Chinchilla's law to Epoch's replication data
            (Hoffmann's procedure: Huber δ = 1e-3 on log loss, 4,500-start grid) and report the
            compute-optimal allocation.

            Example:
              scaling-laws demo
            """) { outDir, threads };
        command.SetAction((parse, cancellation) => CliApp.Guard(context, () =>
        {
            string epoch = BundledData.Path("epoch-chinchilla", "svg_extracted_data.csv");
            var table = EpochChinchillaReader.Read(epoch, EpochChinchillaReader.PublishedDropCount);
            var law = LawCatalog.Create("chinchilla");
            var data = table.ToFitData(law.Variables, "loss");
            var fit = LevenbergMarquardt.Fit(law, data, new FitOptions
            {
                MaxDegreeOfParallelism = parse.GetValue(threads),
                CancellationToken = cancellation,
            });
            var sb = new StringBuilder();
            sb.AppendLine($"Chinchilla (Hoffmann et al. 2022, Approach 3) on Epoch's {data.Count} points ({epoch})");
            sb.AppendLine();
            sb.Append(fit.Report());
            double a = fit["a"].Value, b = fit["b"].Value, e = fit["e"].Value, alpha = fit["alpha"].Value, beta = fit["beta"].Value;
            var inv = CultureInfo.InvariantCulture;
            sb.AppendLine();
            sb.AppendLine($"A = e^a = {Math.Exp(a).ToString("G6", inv)}, B = e^b = {Math.Exp(b).ToString("G6", inv)}, E = e^e = {Math.Exp(e).ToString("G6", inv)}, alpha = {alpha.ToString("G6", inv)}, beta = {beta.ToString("G6", inv)}");
            sb.AppendLine();
            sb.AppendLine("Compute-optimal allocation (C = 6ND): N_opt = G·(C/6)^(β/(α+β)), D_opt = (C/6)/N_opt");
            double g = Math.Pow(alpha * Math.Exp(a) / (beta * Math.Exp(b)), 1 / (alpha + beta));
            foreach (double c in new[] { 1e19, 1e21, 1e23, 5.76e23, 1e25 })
            {
                double n = g * Math.Pow(c / 6, beta / (alpha + beta)), d = c / 6 / n;
                double loss = law.Evaluate(fit.Values.AsSpan(), [n, d]);
                sb.AppendLine($"  C = {c.ToString("0.##e+00", inv),-9} N = {n.ToString("0.###e+00", inv),-10} D = {d.ToString("0.###e+00", inv),-10} D/N = {(d / n).ToString("F1", inv),6}  L = {loss.ToString("F4", inv)}");
            }
            context.Out.Write(sb.ToString());
            string dir = parse.GetValue(outDir)!;
            Directory.CreateDirectory(dir);
            AtomicFile.WriteAllText(Path.Combine(dir, "chinchilla-fit.json"), FitOutput.Json([fit]));
            AtomicFile.WriteAllText(Path.Combine(dir, "report.md"), "# ScalingLaws demo\n\n```\n" + sb + "```\n");
            context.Error.WriteLine($"Wrote {Path.Combine(dir, "report.md")} and {Path.Combine(dir, "chinchilla-fit.json")}");
            return fit.IsUsable ? ExitCodes.Success : ExitCodes.NotConverged;
        }));
        return command;
    }
}
