using System.CommandLine;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Fitting;
using ScalingLaws.Uncertainty;
using ScalingLaws.Validation;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws fit</c>: fit a catalogue law or a formula to runs, one fit per target column.</summary>
internal static class FitCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var law = new LawSelection();
        var settings = new FitSettings();
        var bootstrap = new BootstrapSettings();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var allow = new Option<bool>("--allow-unconverged") { Description = "Exit 0 even when a fit did not converge" };
        var report = new Option<string?>("--report") { Description = "Also write a Markdown/HTML report with figures into this folder" };
        var noScaleHoldOut = new Option<bool>("--no-scale-holdout") { Description = "Skip the scale hold-out (a refit without the largest N, or D, predicting it) reported for laws with N or D" };
        var command = new Command("fit", """
            Fit a scaling law to runs with Levenberg–Marquardt and report parameters ± standard errors
            (and, with --bootstrap R, percentile intervals from R case-resampling refits).

            Examples:
              scaling-laws fit --data data/epoch-chinchilla/svg_extracted_data.csv --law chinchilla --drop-highest 5
              scaling-laws fit --data runs.csv --formula "E + A*N^-alpha + B*D^-beta" --start E=1.7,A=400,alpha=0.3,B=400,beta=0.3
              scaling-laws fit --data data/mixinglaws/5Mix/70M.txt --law data-mixing --target "loss_*" --where "step == 30000" --format json -o fits.json
              scaling-laws fit --data data/epoch-chinchilla/svg_extracted_data.csv --law chinchilla --drop-highest 5 --bootstrap 200 --confidence 0.9 --seed 1
            """);
        law.AddTo(command);
        data.AddTo(command);
        settings.AddTo(command);
        bootstrap.AddTo(command);
        foreach (var o in new Option[] { seed, threads, format, output, allow, report, noScaleHoldOut }) command.Add(o);
        command.SetAction((parse, cancellation) => CliApp.Guard(context, () =>
        {
            var input = data.Resolve(parse, law.NeedsDomains(parse));
            var (table, targets, mapping) = (input.Table, input.Targets, input.Binding.Mapping);
            var model = law.Build(parse, table, mapping, input.Domains);
            var options = settings.Build(parse, parse.GetValue(seed), parse.GetValue(threads), cancellation);
            var bootstrapOptions = bootstrap.Build(parse, parse.GetValue(seed), parse.GetValue(threads));
            var fits = new List<FitResult>();
            var bootstraps = bootstrapOptions is null ? null : new List<BootstrapResult>();
            var scale = ScaleHoldOut.ScaleVariable(model) is null ? null : new List<ScaleHoldOutOutput>();
            foreach (var target in targets)
            {
                var fitData = table.ToFitData(model.Variables, target, mapping);
                string suffix = targets.Count > 1 ? " " + target : "";
                using (var progress = Progress.Start(context, "fit" + suffix))
                    fits.Add(LevenbergMarquardt.Fit(model, fitData, options with { Progress = progress.Reporter }));
                scale?.Add(ScaleHoldOutOutput.For(fits[^1], fitData, !parse.GetValue(noScaleHoldOut)));
                if (bootstrapOptions is null) continue;
                using (var progress = Progress.Start(context, "bootstrap" + suffix, "replicates", 10))
                    bootstraps!.Add(Bootstrap.Refit(fits[^1], fitData, bootstrapOptions with { Progress = progress.Reporter }));
                cancellation.ThrowIfCancellationRequested();
            }
            ResultWriter.Write(context, parse.GetValue(output), FitOutput.Render(fits, parse.GetValue(format), bootstraps, input.Binding, scale));
            if (parse.GetValue(report) is { } reportDir)
            {
                var files = ReportCommand.Write(Plotting.Reports.FitReports.Create(fits, table), reportDir);
                context.Error.WriteLine($"Wrote {files.Markdown} and {files.Html}");
            }
            return ReportConvergence(context, fits, parse.GetValue(allow));
        }));
        return command;
    }

    /// <summary>Exit code 2 (with a message) when a fit did not converge, unless allowed.</summary>
    public static int ReportConvergence(CliContext context, IReadOnlyList<FitResult> fits, bool allowUnconverged)
    {
        var failed = fits.Where(f => !f.IsUsable).ToList();
        foreach (var f in failed)
            context.Error.WriteLine($"warning: fit of '{f.Target}' did not converge: {f.Termination.Describe()}.");
        if (failed.Count == 0 || allowUnconverged) return ExitCodes.Success;
        context.Error.WriteLine("error: a fit did not converge (exit 2); pass --allow-unconverged to accept it.");
        return ExitCodes.NotConverged;
    }
}
