using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws predict</c>: evaluate saved fits at given points or at every row of a file.</summary>
public static class PredictCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var fit = new Option<string?>("--fit") { Description = "A fit file written by 'fit --format json' (not with --nested)" };
        var at = new Option<string[]>("--at")
        {
            Description = "A point, e.g. --at \"N=7e10,D=1.4T\" (repeatable; unit suffixes k, M, B, T allowed)",
        };
        var data = new Option<string?>("--data", "-d") { Description = "Predict at every row of this file (columns named like the law's variables)" };
        var map = new Option<string?>("--map") { Description = "Bind law variables to columns with other names, e.g. --map N=model_size" };
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command("predict", """
            Predict losses of runs never trained from a saved fit.

            Examples:
              scaling-laws fit --data data/epoch-chinchilla/svg_extracted_data.csv --law chinchilla --drop-highest 5 --format json -o fit.json
              scaling-laws predict --fit fit.json --at "N=70B,D=1.4T" --at "N=1B,D=20B"
              scaling-laws predict --fit fit.json --data data/epoch-chinchilla/svg_extracted_data.csv --format csv
            """) { fit, at, data, map, format, output };
        var nested = new NestedCliOptions();
        NestedPredictCommand.AddOptions(command, nested);
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            if (parse.GetValue(nested.Nested))
                return NestedPredictCommand.Run(context, parse, nested, parse.GetValue(data), parse.GetValue(at) ?? [], parse.GetValue(format), parse.GetValue(output));
            string path = parse.GetValue(fit) ?? throw new CliException("Option '--fit' is required (or give --nested with --data).");
            if (!File.Exists(path)) throw new CliException($"Option '--fit': file '{path}' does not exist.");
            var saved = SavedFit.ReadAll(File.ReadAllText(path), path);
            var points = parse.GetValue(at) ?? [];
            string? dataPath = parse.GetValue(data);
            if ((points.Length == 0) == (dataPath is null)) throw new CliException("Give either '--at' (one or more points) or '--data', not both.");
            var rows = new List<(string Target, IReadOnlyDictionary<string, double> Point, double Prediction, double? Observed)>();
            foreach (var s in saved)
            {
                var law = s.CreateLaw();
                if (dataPath is null)
                {
                    foreach (var text in points)
                    {
                        var point = OptionParser.Assignments(text, "--at");
                        var missing = s.Variables.Where(v => !point.ContainsKey(v)).ToList();
                        if (missing.Count > 0) throw new CliException($"Option '--at': '{text}' lacks {string.Join(", ", missing)}; the law reads {string.Join(", ", s.Variables)}.");
                        rows.Add((s.Target, point, s.Predict(law, point), null));
                    }
                }
                else
                {
                    if (!File.Exists(dataPath) && !Directory.Exists(dataPath)) throw new CliException($"Option '--data': file '{dataPath}' does not exist.");
                    var table = RunTableLoader.Load(dataPath);
                    var mapping = OptionParser.Mapping(parse.GetValue(map), "--map");
                    var columns = s.Variables.Select(v => mapping.TryGetValue(v, out var c) ? c : v).ToList();
                    foreach (var c in columns)
                        if (!table.HasColumn(c)) throw new CliException($"{dataPath}: no column '{c}' for the law's variables ({string.Join(", ", s.Variables)}); use --map VAR=COLUMN.");
                    var values = columns.Select(table.Numeric).ToList();
                    var observed = table.HasColumn(s.Target) && table.Column(s.Target).Kind == ColumnKind.Numeric ? table.Numeric(s.Target) : default;
                    for (int i = 0; i < table.RowCount; i++)
                    {
                        var point = s.Variables.Select((v, k) => (v, values[k][i])).ToDictionary(p => p.v, p => p.Item2);
                        rows.Add((s.Target, point, s.Predict(law, point), observed.IsDefault ? null : observed[i]));
                    }
                }
            }
            ResultWriter.Write(context, parse.GetValue(output), Render(rows, parse.GetValue(format)));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Render(List<(string Target, IReadOnlyDictionary<string, double> Point, double Prediction, double? Observed)> rows, OutputFormat format)
    {
        var variables = rows.SelectMany(r => r.Point.Keys).Distinct().ToList();
        bool observed = rows.Any(r => r.Observed is not null);
        switch (format)
        {
            case OutputFormat.Csv:
                var header = new List<string> { "target" };
                header.AddRange(variables);
                header.Add("prediction");
                if (observed) header.Add("observed");
                return Csv.Table(header, rows.Select(r =>
                {
                    var fields = new List<string?> { r.Target };
                    fields.AddRange(variables.Select(v => r.Point.TryGetValue(v, out var x) ? Csv.Number(x) : ""));
                    fields.Add(Csv.Number(r.Prediction));
                    if (observed) fields.Add(Csv.Number(r.Observed));
                    return (IEnumerable<string?>)fields;
                }));
            case OutputFormat.Json:
                return JsonText.Object("predictions", w =>
                {
                    w.WriteStartArray("predictions");
                    foreach (var r in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("target", r.Target);
                        w.WriteStartObject("at");
                        foreach (var (k, v) in r.Point) JsonNumbers.Write(w, k, v);
                        w.WriteEndObject();
                        JsonNumbers.Write(w, "prediction", r.Prediction);
                        if (r.Observed is not null) JsonNumbers.Write(w, "observed", r.Observed);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }) + "\n";
            default:
                var sb = new StringBuilder();
                foreach (var r in rows)
                {
                    string point = string.Join(", ", r.Point.Select(p => $"{p.Key}={p.Value.ToString("G6", CultureInfo.InvariantCulture)}"));
                    sb.Append($"{r.Target} at {point}: {r.Prediction.ToString("G7", CultureInfo.InvariantCulture)}");
                    if (r.Observed is double o) sb.Append($" (observed {o.ToString("G7", CultureInfo.InvariantCulture)})");
                    sb.AppendLine();
                }
                return sb.ToString();
        }
    }
}
