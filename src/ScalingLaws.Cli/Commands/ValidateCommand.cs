using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Serialization;
using ScalingLaws.Validation;

namespace ScalingLaws.Cli.Commands;

/// <summary>
/// <c>scaling-laws validate</c>: fit on part of the runs and measure the error on the rest (one hold-out), or
/// seeded k-fold cross-validation (every run predicted once by a fit that did not see it).
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var law = new LawSelection();
        var settings = new FitSettings();
        var largest = new Option<string?>("--hold-out-largest") { Description = "Hold out the rows with the largest value of this column (e.g. N: fit small models, predict the largest)" };
        var holdWhere = new Option<string?>("--hold-out-where") { Description = "Hold out the rows where this expression is true, e.g. \"N > 1e9\"" };
        var random = new Option<int?>("--hold-out-random") { Description = "Hold out this many random rows (seeded)" };
        var folds = new Option<int?>("--folds") { Description = "k-fold cross-validation: shuffle the rows (seeded) into K parts, fit on K − 1, predict the last, K times (2 ≤ K ≤ rows)" };
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command("validate", """
            Held-out extrapolation: fit on some runs, predict the others, and report the error on both;
            or k-fold cross-validation with --folds K.

            Examples:
              scaling-laws validate --data data/epoch-chinchilla/svg_extracted_data.csv --law chinchilla --hold-out-largest N
              scaling-laws validate --data data/epoch-chinchilla/svg_extracted_data.csv --law chinchilla --drop-highest 5 --folds 5 --seed 1
            """) { largest, holdWhere, random, folds, seed, threads, format, output };
        law.AddTo(command);
        data.AddTo(command);
        settings.AddTo(command);
        command.SetAction((parse, cancellation) => CliApp.Guard(context, () =>
        {
            var input = data.Resolve(parse, law.NeedsDomains(parse));
            var (table, target, mapping) = (input.Table, input.SingleTarget("validate"), input.Binding.Mapping);
            var model = law.Build(parse, table, mapping, input.Domains);
            var fitOptions = settings.Build(parse, parse.GetValue(seed), parse.GetValue(threads), cancellation);
            var validationOptions = new ValidationOptions { Fit = fitOptions, Mapping = mapping.ToImmutableDictionary(StringComparer.Ordinal) };
            var holdOuts = new (string Name, bool Given)[]
            {
                ("--hold-out-largest", parse.GetValue(largest) is not null),
                ("--hold-out-where", parse.GetValue(holdWhere) is not null),
                ("--hold-out-random", parse.GetValue(random) is not null),
            }.Where(h => h.Given).Select(h => h.Name).ToList();
            if (parse.GetValue(folds) is int foldCount)
            {
                if (holdOuts.Count > 0)
                    throw new CliException($"Option '--folds' cannot be combined with '{holdOuts[0]}': k-fold cross-validation holds out every row once; choose one.");
                return CrossValidate(context, model, table, target, foldCount, parse.GetValue(seed), validationOptions, parse.GetValue(format), parse.GetValue(output));
            }
            HoldOutSplit split;
            if (holdOuts.Count != 1) throw new CliException("Give exactly one of '--hold-out-largest', '--hold-out-where', '--hold-out-random' and '--folds'.");
            if (parse.GetValue(largest) is { } column)
            {
                if (!table.HasColumn(column)) throw new CliException($"Option '--hold-out-largest': no column '{column}'.");
                split = HoldOutSplit.ByLargest(table, column);
            }
            else if (parse.GetValue(holdWhere) is { } expression)
            {
                var test = DataOptions.RowsWhere(table, expression, "--hold-out-where");
                split = HoldOutSplit.FromTestRows(table.RowCount, test);
            }
            else
            {
                int k = parse.GetValue(random)!.Value;
                if (k < 1 || k >= table.RowCount) throw new CliException($"Option '--hold-out-random': {k} must be between 1 and {table.RowCount - 1}.");
                split = HoldOutSplit.Random(table.RowCount, k, parse.GetValue(seed));
            }
            if (split.TestRows.Length == 0 || split.FitRows.Length == 0) throw new CliException("The hold-out split leaves no rows to fit or none to test.");
            var result = HoldOut.Evaluate(model, table, target, split, validationOptions);
            ResultWriter.Write(context, parse.GetValue(output), Render(result, parse.GetValue(format)));
            return result.Fit.IsUsable ? ExitCodes.Success : ExitCodes.NotConverged;
        }));
        return command;
    }

    private static int CrossValidate(CliContext context, IScalingLaw law, RunTable table, string target, int folds, int seed,
        ValidationOptions options, OutputFormat format, string? output)
    {
        if (folds < 2 || folds > table.RowCount)
            throw new CliException($"Option '--folds': {folds} must be between 2 and {table.RowCount} (the number of rows).");
        var result = CrossValidation.KFold(law, table, target, folds, seed, options);
        ResultWriter.Write(context, output, CrossValidationOutput.Render(result, seed, format));
        for (int i = 0; i < result.Folds.Length; i++)
            if (!result.Folds[i].IsUsable)
                context.Error.WriteLine($"warning: the fit of fold {i + 1} did not converge: {result.Folds[i].Fit.Termination.Describe()}.");
        return result.AllUsable ? ExitCodes.Success : ExitCodes.NotConverged;
    }

    private static string Render(HoldOutResult r, OutputFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = new[] { ("fit", r.FitMetrics), ("held-out", r.TestMetrics) };
        switch (format)
        {
            case OutputFormat.Csv:
                return Csv.Table(["set", "n", "mae", "mre", "rmse", "rmse_log", "r_squared", "spearman"],
                    rows.Select(p => (IEnumerable<string?>)[p.Item1, p.Item2.Count.ToString(inv), Csv.Number(p.Item2.MeanAbsoluteError), Csv.Number(p.Item2.MeanRelativeError),
                        Csv.Number(p.Item2.RootMeanSquareError), Csv.Number(p.Item2.RootMeanSquareLogError), Csv.Number(p.Item2.RSquared), Csv.Number(p.Item2.SpearmanRho)]));
            case OutputFormat.Json:
                return JsonText.Object("validation", w =>
                {
                    w.WriteString("target", r.Target);
                    foreach (var (name, m) in rows)
                    {
                        ErrorSummary.From(m).WriteJson(w, name == "fit" ? "fitRows" : "heldOutRows");
                    }
                    FitJson.WriteProperty(w, "fit", r.Fit);
                }) + "\n";
            default:
                var sb = new StringBuilder();
                sb.AppendLine($"Held-out validation of {r.Law.Name} on {r.Target}: fitted on {r.FitRows.Length} rows, tested on {r.TestRows.Length}");
                sb.AppendLine("  set        n      MAE        MRE        RMSE       R²         Spearman");
                foreach (var (name, m) in rows)
                    sb.AppendLine(string.Create(inv, $"  {name,-9} {m.Count,5}  {m.MeanAbsoluteError,-10:G4} {(100 * m.MeanRelativeError).ToString("F3", inv) + " %",-10} {m.RootMeanSquareError,-10:G4} {m.RSquared,-10:F4} {m.SpearmanRho:F4}"));
                sb.AppendLine();
                sb.Append(r.Fit.BriefReport());
                return sb.ToString();
        }
    }
}
