using System.Collections.Immutable;
using System.CommandLine;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Plotting;
using ScalingLaws.Plotting.Compute;
using ScalingLaws.Plotting.Fits;
using ScalingLaws.Plotting.Mixtures;
using ScalingLaws.Serialization;
using ScalingLaws.Optimization.Mixtures;
using ScottPlot;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws plot</c>: one figure of a saved fit or plan, to PNG or SVG.</summary>
internal static class PlotCommand
{
    private static readonly string[] Kinds = ["fit", "parity", "residuals", "isoflop", "frontier", "weights", "ternary", "cmr", "pareto"];

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var fit = new Option<string?>("--fit") { Description = "Fit file from 'fit --format json'" };
        var plan = new Option<string?>("--plan") { Description = "Plan file from 'optimize --format json' (for --kind weights)" };
        var kind = new Option<string>("--kind") { Description = "fit | parity | residuals | isoflop | frontier | weights | ternary | cmr | pareto", Required = true };
        kind.AcceptOnlyFromAmong(Kinds);
        var outFile = new Option<string>("--out") { Description = "Image file: .png or .svg", Required = true };
        var x = new Option<string?>("--x") { Description = "x variable for --kind fit (default D, else the first variable)" };
        var group = new Option<string?>("--group") { Description = "Grouping column for --kind fit" };
        var budgets = new Option<string?>("--budgets") { Description = "Compute budgets for --kind isoflop, e.g. 1e19,1e20,1e21" };
        var range = new Option<string?>("--compute-range") { Description = "CMIN:CMAX for --kind frontier" };
        var width = new Option<int>("--width") { Description = "Width in pixels", DefaultValueFactory = _ => 900 };
        var height = new Option<int>("--height") { Description = "Height in pixels", DefaultValueFactory = _ => 600 };
        var data = new DataOptions(required: false);
        var cpt = new CptOptions();
        var command = new Command("plot", """
            Draw one figure of a saved fit (fitted curves, parity, residuals, iso-FLOP curves, compute frontier,
            predicted loss over a 3-domain simplex), of a saved plan (optimal weights against baselines), or of
            continual pre-training fits (--kind cmr: losses against the domain share with the critical mixture
            ratio; --kind pareto: domain against general loss).

            Examples:
              scaling-laws plot --fit fit.json --data data/epoch-chinchilla/svg_extracted_data.csv --kind fit --out curves.png
              scaling-laws plot --fit fit.json --kind frontier --compute-range 1e18:1e25 --out frontier.svg
              scaling-laws plot --plan plan.json --kind weights --out weights.png
              scaling-laws plot --kind cmr --general-fit general.json --domain-fit domain.json --budget N=1.8B,D=10B --tolerance 2.35:+0.05 --out cmr.png
            """) { fit, plan, kind, outFile, x, group, budgets, range, width, height };
        data.AddTo(command, withTarget: false);
        cpt.AddTo(command);
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            string k = parse.GetValue(kind)!, path = parse.GetValue(outFile)!;
            string ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".png" or ".svg")) throw new CliException($"Option '--out': '{path}' must end in .png or .svg.");
            int w = parse.GetValue(width), h = parse.GetValue(height);
            if (w < 100 || h < 100 || w > 10000 || h > 10000) throw new CliException("Options '--width' and '--height' must be between 100 and 10000 pixels.");
            Plot figure;
            if (k == "weights")
            {
                string planPath = parse.GetValue(plan) ?? throw new CliException("Option '--plan' is required for --kind weights.");
                if (!File.Exists(planPath)) throw new CliException($"Option '--plan': file '{planPath}' does not exist.");
                var document = MixturePlanJson.Read(File.ReadAllText(planPath), planPath);
                MixturePlan p;
                try { p = MixturePlanJson.ToPlan(document); }
                catch (FormatException e) { throw new CliException($"{planPath}: {e.Message}"); }
                figure = MixtureWeightsFigure.Create(p.Domains, WeightSets(p));
            }
            else if (k is "cmr" or "pareto")
            {
                var inputs = cpt.Read(parse);
                figure = k == "cmr" ? CptFigures.Ratio(inputs) : CptFigures.Pareto(inputs);
            }
            else
            {
                string fitPath = parse.GetValue(fit) ?? throw new CliException($"Option '--fit' is required for --kind {k}.");
                var saved = SavedFits.Read(fitPath)[0];
                var f = saved.Fit;
                var loaded = parse.GetValue(data.Data) is null ? null : data.LoadForFits(parse, [saved]);
                RunTableRequired(k, loaded);
                var (table, binding) = loaded is null ? (null, saved.Binding) : data.ForSavedFit(parse, loaded, saved.Binding);
                var mapping = binding.Mapping.ToImmutableDictionary();
                string? xVariable = parse.GetValue(x);
                if (xVariable is not null && !f.Law.Variables.Contains(xVariable))
                    throw new CliException($"Option '--x': '{xVariable}' is not a variable of law '{f.Law.Name}' (variables: {string.Join(", ", f.Law.Variables)}).");
                figure = k switch
                {
                    "fit" => FitCurvesFigure.Create(f, table!, xVariable ?? (f.Law.Variables.Contains("D") ? "D" : f.Law.Variables[0]),
                        parse.GetValue(group) ?? (f.Law.Variables.Contains("N") && f.Law.Variables.Contains("D") ? "N" : null), new FitCurvesOptions { ColumnMapping = mapping }),
                    "parity" => ParityFigure.Create(f, table!, options: new ParityOptions { ColumnMapping = mapping }),
                    "residuals" => ResidualsFigure.Create(f, table!, options: new ResidualOptions { ColumnMapping = mapping }),
                    "isoflop" => IsoFlopFigure.Create(f, Budgets(parse.GetValue(budgets)), table),
                    "frontier" => Frontier(f, parse.GetValue(range)),
                    "ternary" => Ternary(f),
                    _ => throw new CliException($"Unknown kind '{k}'."),
                };
            }
            if (ext == ".png") Infrastructure.AtomicFile.WriteAllBytes(path, PlotFiles.PngBytes(figure, w, h), context.Cancellation);
            else Infrastructure.AtomicFile.WriteAllText(path, PlotFiles.SvgText(figure, w, h), context.Cancellation);
            context.Error.WriteLine($"Wrote {path}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void RunTableRequired(string kind, Data.RunTable? table)
    {
        if (table is null && kind is "fit" or "parity" or "residuals")
            throw new CliException($"Option '--data' is required for --kind {kind}.");
    }

    private static List<double> Budgets(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new CliException("Option '--budgets' is required for --kind isoflop, e.g. --budgets 1e19,1e20,1e21.");
        return text.Split(',').Select(t => OptionParser.Number(t, "--budgets")).ToList();
    }

    private static Plot Frontier(Fitting.FitResult fit, string? range)
    {
        var parts = (range ?? "1e18:1e25").Split(':');
        if (parts.Length != 2) throw new CliException($"Option '--compute-range': '{range}' must look like CMIN:CMAX.");
        return ComputeFrontierFigure.Create(fit, OptionParser.Number(parts[0], "--compute-range"), OptionParser.Number(parts[1], "--compute-range"));
    }

    private static Plot Ternary(Fitting.FitResult fit)
    {
        var domains = fit.Law.Variables;
        if (domains.Length != 3) throw new CliException($"--kind ternary needs a law of exactly three domain weights; '{fit.Law.Name}' reads {string.Join(", ", domains)}.");
        var model = MixtureModel.FromFits(domains, [fit]);
        var optimum = MixtureOptimizer.Optimize(new MixtureProblem { Model = model, Objective = MixtureObjective.Target(model.Losses[0].Name) });
        return TernaryLossFigure.Create(domains, (a, b, c) => fit.Predict([a, b, c]), optimum.Weights);
    }

    private static List<WeightSet> WeightSets(MixturePlan plan)
    {
        var sets = new List<WeightSet>();
        var optimum = new WeightSet("optimum", plan.Weights);
        if (plan.Uncertainty is { } u) optimum = optimum with { Lower = u.WeightIntervals.Select(i => i.Lower).ToImmutableArray(), Upper = u.WeightIntervals.Select(i => i.Upper).ToImmutableArray() };
        sets.Add(optimum);
        sets.AddRange(plan.Baselines.Select(b => new WeightSet(b.Name, b.Baseline.Weights)));
        return sets;
    }
}
