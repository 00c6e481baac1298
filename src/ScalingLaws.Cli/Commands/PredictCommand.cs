using System.CommandLine;
using System.Globalization;
using System.Text;
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
        var fit = new Option<string>("--fit") { Description = "A fit file written by 'fit --format json'", Required = true };
        var at = new Option<string[]>("--at")
        {
            Description = "A point, e.g. --at \"N=7e10,D=1.4T\" (repeatable; unit suffixes k, M, B, T allowed)",
        };
        var data = new DataOptions();
        data.Data.Required = false;
        data.Data.Description = "Predict at every row of this file (read once; the fit's column mapping, weight columns and normalisation apply unless overridden)";
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var command = new Command("predict", """
            Predict losses of runs never trained from a saved fit.

            Examples:
              scaling-laws fit --data data/epoch-chinchilla/svg_extracted_data.csv --law chinchilla --drop-highest 5 --format json -o fit.json
              scaling-laws predict --fit fit.json --at "N=70B,D=1.4T" --at "N=1B,D=20B"
              scaling-laws predict --fit fit.json --data data/epoch-chinchilla/svg_extracted_data.csv --format csv
            """) { fit, at, format, output };
        data.AddTo(command, withTarget: false);
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            var saved = SavedFits.Read(parse.GetValue(fit)!);
            var points = parse.GetValue(at) ?? [];
            bool fromData = parse.GetValue(data.Data) is not null;
            if ((points.Length == 0) != fromData) throw new CliException("Give either '--at' (one or more points) or '--data', not both.");
            var rows = new List<(string Target, IReadOnlyDictionary<string, double> Point, double Prediction, double? Observed)>();
            var table = fromData ? data.Load(parse) : null;
            foreach (var s in saved)
            {
                var law = s.FittedLaw;
                if (table is null)
                {
                    foreach (var text in points)
                    {
                        var point = OptionParser.Assignments(text, "--at");
                        var missing = law.Law.Variables.Where(v => !point.ContainsKey(v)).ToList();
                        if (missing.Count > 0) throw new CliException($"Option '--at': '{text}' lacks {string.Join(", ", missing)}; the law reads {string.Join(", ", law.Law.Variables)}.");
                        rows.Add((s.Target, point, law.Evaluate(point), null));
                    }
                    continue;
                }
                var binding = data.Resolve(parse, table, s.Binding);
                var rowsTable = binding.Weights.IsEmpty ? table : DataOptions.CheckWeights(table, binding.Weights, binding.NormalizeWeights);
                var values = rowsTable.VariableValues(law.Law.Variables, binding.Mapping);
                var observed = rowsTable.HasColumn(s.Target) && rowsTable.Column(s.Target).Kind == ColumnKind.Numeric ? rowsTable.Numeric(s.Target) : default;
                int m = law.Law.Variables.Length;
                for (int i = 0; i < rowsTable.RowCount; i++)
                {
                    var x = values.AsSpan(i * m, m);
                    var point = new Dictionary<string, double>(m);
                    for (int j = 0; j < m; j++) point[law.Law.Variables[j]] = x[j];
                    rows.Add((s.Target, point, law.Evaluate(x), observed.IsDefault ? null : observed[i]));
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
