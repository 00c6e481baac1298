using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Serialization;
using ScalingLaws.Serialization.Documents;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws predict</c>: evaluate saved fits at given points or at every row of a file.</summary>
internal static class PredictCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var fit = new Option<string?>("--fit") { Description = "A fit file written by 'fit --format json' (not with --nested)" };
        var at = new Option<string[]>("--at")
        {
            Description = "A point, e.g. --at \"N=7e10,D=1.4T\" (repeatable; unit suffixes k, M, B, T allowed)",
        };
        var data = new DataOptions(required: false);
        data.Data.Description = "Predict at every row of this file (read once; the fit's column mapping, weight columns and normalisation apply unless overridden)";
        var level = new Option<double>("--confidence") { Description = "Nominal coverage of the prediction intervals (delta method), default 0.95", DefaultValueFactory = _ => 0.95 };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command("predict", """
            Predict losses of runs never trained from a saved fit, each with a delta-method prediction interval
            (parameter covariance and run-to-run scatter; --confidence sets its level).

            Examples:
              scaling-laws fit --data data/epoch-chinchilla/svg_extracted_data.csv --law chinchilla --drop-highest 5 --format json -o fit.json
              scaling-laws predict --fit fit.json --at "N=70B,D=1.4T" --at "N=1B,D=20B"
              scaling-laws predict --fit fit.json --data data/epoch-chinchilla/svg_extracted_data.csv --format csv
            """) { fit, at, level, format, output };
        data.AddTo(command, withTarget: false);
        var nested = new NestedCliOptions();
        NestedPredictCommand.AddOptions(command, nested);
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            if (parse.GetValue(nested.Nested))
                return NestedPredictCommand.Run(context, parse, nested, data, parse.GetValue(at) ?? [], parse.GetValue(format), parse.GetValue(output));
            var saved = SavedFits.Read(parse.GetValue(fit) ?? throw new CliException("Option '--fit' is required (or give --nested with --data)."));
            var points = parse.GetValue(at) ?? [];
            bool fromData = parse.GetValue(data.Data) is not null;
            if ((points.Length == 0) != fromData) throw new CliException("Give either '--at' (one or more points) or '--data', not both.");
            double confidence = parse.GetValue(level);
            if (!(confidence > 0 && confidence < 1)) throw new CliException($"Option '--confidence': {confidence} must lie in (0, 1).");
            var rows = new List<(string Target, IReadOnlyDictionary<string, double> Point, PredictionInterval Prediction, double? Observed)>();
            var table = fromData ? data.LoadForFits(parse, saved) : null;
            foreach (var s in saved)
            {
                var law = s.FittedLaw;
                var covariance = s.Fit.Covariance with { ResidualVariance = s.Document.ScatterVariance ?? s.Fit.Covariance.ResidualVariance };
                PredictionInterval Predict(ReadOnlySpan<double> x) => PredictionInterval.Delta(law.Law, s.Fit.Values.AsSpan(), covariance, s.Fit.Space, x, confidence);
                if (table is null)
                {
                    foreach (var text in points)
                    {
                        var point = OptionParser.Assignments(text, "--at");
                        var missing = law.Law.Variables.Where(v => !point.ContainsKey(v)).ToList();
                        if (missing.Count > 0) throw new CliException($"Option '--at': '{text}' lacks {string.Join(", ", missing)}; the law reads {string.Join(", ", law.Law.Variables)}.");
                        rows.Add((s.Target, point, Predict([.. law.Law.Variables.Select(v => point[v])]), null));
                    }
                    continue;
                }
                var (rowsTable, binding) = data.ForSavedFit(parse, table, s.Binding);
                var values = rowsTable.VariableValues(law.Law.Variables, binding.Mapping);
                var observed = rowsTable.HasColumn(s.Target) && rowsTable.Column(s.Target).Kind == ColumnKind.Numeric ? rowsTable.Numeric(s.Target) : default;
                int m = law.Law.Variables.Length;
                for (int i = 0; i < rowsTable.RowCount; i++)
                {
                    var x = values.AsSpan(i * m, m);
                    var point = new Dictionary<string, double>(m);
                    for (int j = 0; j < m; j++) point[law.Law.Variables[j]] = x[j];
                    rows.Add((s.Target, point, Predict(x), observed.IsDefault ? null : observed[i]));
                }
            }
            ResultWriter.Write(context, parse.GetValue(output), Render(rows, parse.GetValue(format)));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Render(List<(string Target, IReadOnlyDictionary<string, double> Point, PredictionInterval Prediction, double? Observed)> rows, OutputFormat format)
    {
        var variables = rows.SelectMany(r => r.Point.Keys).Distinct().ToList();
        bool observed = rows.Any(r => r.Observed is not null);
        switch (format)
        {
            case OutputFormat.Csv:
                var header = new List<string> { "target" };
                header.AddRange(variables);
                header.AddRange(["prediction", "lower", "upper", "level"]);
                if (observed) header.Add("observed");
                return Csv.Table(header, rows.Select(r =>
                {
                    var fields = new List<string?> { r.Target };
                    fields.AddRange(variables.Select(v => r.Point.TryGetValue(v, out var x) ? Csv.Number(x) : ""));
                    fields.AddRange([Csv.Number(r.Prediction.Prediction), Csv.Number(r.Prediction.Lower), Csv.Number(r.Prediction.Upper), Csv.Number(r.Prediction.Level)]);
                    if (observed) fields.Add(Csv.Number(r.Observed));
                    return (IEnumerable<string?>)fields;
                }));
            case OutputFormat.Json:
                return PredictionJson.Write(new PredictionsDocument(SchemaVersion.Current, "predictions", [.. rows.Select(r => new PredictionEntry(r.Target,
                    ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, r.Point),
                    r.Prediction.Prediction, new PredictionIntervalEntry("delta", r.Prediction.Level, r.Prediction.Lower, r.Prediction.Upper), r.Observed))])) + "\n";
            default:
                var sb = new StringBuilder();
                foreach (var r in rows)
                {
                    string point = string.Join(", ", r.Point.Select(p => $"{p.Key}={p.Value.ToString("G6", CultureInfo.InvariantCulture)}"));
                    var p = r.Prediction;
                    sb.Append($"{r.Target} at {point}: {p.Prediction.ToString("G7", CultureInfo.InvariantCulture)}");
                    if (!double.IsNaN(p.Lower))
                        sb.Append($" [{p.Lower.ToString("G5", CultureInfo.InvariantCulture)}, {p.Upper.ToString("G5", CultureInfo.InvariantCulture)}] ({(100 * p.Level).ToString("G4", CultureInfo.InvariantCulture)} % prediction interval)");
                    if (r.Observed is double o) sb.Append($" (observed {o.ToString("G7", CultureInfo.InvariantCulture)})");
                    sb.AppendLine();
                }
                return sb.ToString();
        }
    }
}
