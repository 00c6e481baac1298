using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Laws;
using ScalingLaws.Serialization;
using ScalingLaws.Validation;
using ScalingLaws.Fitting;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws compare</c>: fit several laws to the same runs and rank them.</summary>
internal static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var data = new DataOptions();
        var laws = new Option<string>("--laws") { Description = "Catalogue laws to compare, e.g. chinchilla,kaplan", Required = true };
        var largest = new Option<string?>("--hold-out-largest") { Description = "Also rank by the error on the rows with the largest value of this column" };
        var rankBy = new Option<string?>("--rank-by")
        {
            Description = "Rank by aic, aicc, bic or scale-holdout (the error predicting the runs at the largest N, or D, from a refit without them); default aic, or the held-out error with --hold-out-largest",
        };
        rankBy.AcceptOnlyFromAmong("aic", "aicc", "bic", "scale-holdout");
        var settings = new FitSettings();
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command("compare", """
            Fit several laws to the same runs and rank them by AIC/BIC (and held-out error).

            Example:
              scaling-laws compare --data data/epoch-chinchilla/svg_extracted_data.csv --drop-highest 5 --laws chinchilla,kaplan --hold-out-largest N
              scaling-laws compare --data data/epoch-chinchilla/svg_extracted_data.csv --drop-highest 5 --laws chinchilla,kaplan --rank-by scale-holdout
            """) { laws, largest, rankBy, seed, threads, format, output };
        data.AddTo(command);
        settings.AddTo(command);
        command.SetAction((parse, cancellation) => CliApp.Guard(context, () =>
        {
            var names = parse.GetValue(laws)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            bool mixture = names.Any(n => LawCatalog.Contains(n) && LawCatalog.RequiresDomains(n));
            var input = data.Resolve(parse, mixture);
            var (table, target) = (input.Table, input.SingleTarget("compare"));
            var candidates = new List<IScalingLaw>();
            foreach (var name in names)
            {
                IReadOnlyList<string>? domains = LawCatalog.Contains(name) && LawCatalog.RequiresDomains(name) ? input.Domains : null;
                try { candidates.Add(LawCatalog.Create(name, domains)); }
                catch (ArgumentException e) { throw new CliException($"Option '--laws': {e.Message}"); }
            }
            var options = new LawComparisonOptions
            {
                Seed = parse.GetValue(seed),
                Validation = new ValidationOptions
                {
                    Fit = settings.Build(parse, parse.GetValue(seed), parse.GetValue(threads), cancellation),
                    Mapping = input.Binding.Mapping.ToImmutableDictionary(StringComparer.Ordinal),
                },
            };
            if (parse.GetValue(largest) is { } column)
            {
                if (!table.HasColumn(column)) throw new CliException($"Option '--hold-out-largest': no column '{column}'.");
                options = options with { Split = HoldOutSplit.ByLargest(table, column) };
            }
            switch (parse.GetValue(rankBy))
            {
                case "aic": options = options with { RankBy = ComparisonCriterion.Aic }; break;
                case "aicc": options = options with { RankBy = ComparisonCriterion.Aicc }; break;
                case "bic": options = options with { RankBy = ComparisonCriterion.Bic }; break;
                case "scale-holdout":
                    if (parse.GetValue(largest) is not null) throw new CliException("Options '--rank-by scale-holdout' and '--hold-out-largest' cannot be combined; the scale hold-out holds out the largest N (or D).");
                    var variables = candidates.Select(ScaleHoldOut.ScaleVariable).Distinct().ToList();
                    string? scaleColumn = variables.Count == 1 && variables[0] is { } v ? input.Binding.Mapping.GetValueOrDefault(v, v) : null;
                    if (scaleColumn is null || !table.HasColumn(scaleColumn))
                        throw new CliException("Option '--rank-by scale-holdout' needs every law to read model size N (or, without N, tokens D) from a column of the data.");
                    options = options with { Split = HoldOutSplit.ByLargest(table, scaleColumn), RankBy = ComparisonCriterion.HeldOutError };
                    break;
            }
            var result = LawComparison.Compare(candidates, table, target, options);
            ResultWriter.Write(context, parse.GetValue(output), Render(result, parse.GetValue(format)));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Render(LawComparisonResult r, OutputFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (format)
        {
            case OutputFormat.Csv:
                return Csv.Table(["rank", "law", "parameters", "rss", "aic", "aicc", "bic", "delta_aic", "akaike_weight", "score", "usable"],
                    r.Rows.Select(x => (IEnumerable<string?>)[x.Rank.ToString(inv), x.Label, x.Law.Parameters.Length.ToString(inv), Csv.Number(x.ResidualSumOfSquares),
                        Csv.Number(x.Aic), Csv.Number(x.Aicc), Csv.Number(x.Bic), Csv.Number(x.DeltaAic), Csv.Number(x.AkaikeWeight), Csv.Number(x.Score), x.Fit.IsUsable ? "true" : "false"]));
            case OutputFormat.Json:
                return JsonText.Object("comparison", w =>
                {
                    w.WriteString("target", r.Target);
                    w.WriteString("rankedBy", r.Criterion.ToString());
                    w.WriteStartArray("laws");
                    foreach (var x in r.Rows)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("rank", x.Rank);
                        w.WriteString("law", x.Label);
                        JsonNumbers.Write(w, "rss", x.ResidualSumOfSquares);
                        JsonNumbers.Write(w, "aic", x.Aic);
                        JsonNumbers.Write(w, "bic", x.Bic);
                        JsonNumbers.Write(w, "akaikeWeight", x.AkaikeWeight);
                        JsonNumbers.Write(w, "score", x.Score);
                        w.WriteBoolean("usable", x.Fit.IsUsable);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }) + "\n";
            default:
                var sb = new StringBuilder();
                sb.AppendLine($"Law comparison on {r.Target} ({r.Count} rows), ranked by {r.Criterion}");
                sb.AppendLine("  rank  law                 k   RSS          AIC          BIC          Akaike w  score");
                foreach (var x in r.Rows)
                    sb.AppendLine(string.Create(inv, $"  {x.Rank,-5} {x.Label,-19} {x.Law.Parameters.Length,-3} {x.ResidualSumOfSquares,-12:G5} {x.Aic,-12:F2} {x.Bic,-12:F2} {x.AkaikeWeight,-9:F3} {x.Score:G5}"));
                foreach (var warning in r.Warnings) sb.AppendLine("  warning: " + warning);
                return sb.ToString();
        }
    }
}
