using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Serialization;
using ScalingLaws.Validation;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws validate</c>: fit on part of the runs and measure the error on the rest.</summary>
public static class ValidateCommand
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
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command("validate", """
            Held-out extrapolation: fit on some runs, predict the others, and report the error on both.

            Example:
              scaling-laws validate --data data/epoch-chinchilla/svg_extracted_data.csv --law chinchilla --hold-out-largest N
            """) { largest, holdWhere, random, seed, threads, format, output };
        law.AddTo(command);
        data.AddTo(command);
        settings.AddTo(command);
        command.SetAction((parse, cancellation) => CliApp.Guard(context, () =>
        {
            var table = data.Load(parse);
            var target = data.Targets(parse, table)[0];
            var mapping = data.Mapping(parse);
            IReadOnlyList<string>? domains = null;
            if (law.NeedsDomains(parse)) (table, domains) = data.Domains(parse, table);
            var model = law.Build(parse, table, mapping, domains);
            var fitOptions = settings.Build(parse, parse.GetValue(seed), parse.GetValue(threads), cancellation);
            HoldOutSplit split;
            int chosen = (parse.GetValue(largest) is null ? 0 : 1) + (parse.GetValue(holdWhere) is null ? 0 : 1) + (parse.GetValue(random) is null ? 0 : 1);
            if (chosen != 1) throw new CliException("Give exactly one of '--hold-out-largest', '--hold-out-where' and '--hold-out-random'.");
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
            var result = HoldOut.Evaluate(model, table, target, split, new ValidationOptions { Fit = fitOptions });
            ResultWriter.Write(context, parse.GetValue(output), Render(result, parse.GetValue(format)));
            return result.Fit.IsUsable ? ExitCodes.Success : ExitCodes.NotConverged;
        }));
        return command;
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
                using (var stream = new MemoryStream())
                {
                    using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                    {
                        w.WriteStartObject();
                        w.WriteNumber("schemaVersion", SchemaVersion.Current);
                        w.WriteString("kind", "validation");
                        w.WriteString("target", r.Target);
                        foreach (var (name, m) in rows)
                        {
                            w.WriteStartObject(name == "fit" ? "fitRows" : "heldOutRows");
                            w.WriteNumber("n", m.Count);
                            JsonNumbers.Write(w, "mae", m.MeanAbsoluteError);
                            JsonNumbers.Write(w, "mre", m.MeanRelativeError);
                            JsonNumbers.Write(w, "rmse", m.RootMeanSquareError);
                            JsonNumbers.Write(w, "rmseLog", m.RootMeanSquareLogError);
                            JsonNumbers.Write(w, "rSquared", m.RSquared);
                            JsonNumbers.Write(w, "spearman", m.SpearmanRho);
                            w.WriteEndObject();
                        }
                        w.WritePropertyName("fit");
                        w.WriteStartObject();
                        FitJson.WriteBody(w, r.Fit);
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }
                    return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
                }
            default:
                var sb = new StringBuilder();
                sb.AppendLine($"Held-out validation of {r.Law.Name} on {r.Target}: fitted on {r.FitRows.Length} rows, tested on {r.TestRows.Length}");
                sb.AppendLine("  set        n      MAE        MRE        RMSE       R²         Spearman");
                foreach (var (name, m) in rows)
                    sb.AppendLine(string.Create(inv, $"  {name,-9} {m.Count,5}  {m.MeanAbsoluteError,-10:G4} {100 * m.MeanRelativeError,-9:F3}% {m.RootMeanSquareError,-10:G4} {m.RSquared,-10:F4} {m.SpearmanRho:F4}"));
                sb.AppendLine();
                sb.Append(r.Fit.BriefReport());
                return sb.ToString();
        }
    }
}
