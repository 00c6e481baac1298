using System.CommandLine;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Plotting.Reports;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws report</c>: a Markdown and HTML report of saved fits, with figures.</summary>
internal static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var fit = new Option<string>("--fit") { Description = "Fit file from 'fit --format json'", Required = true };
        var data = new DataOptions(required: false);
        var outDir = new Option<string>("--out") { Description = "Folder for report.md, report.html and figures/", DefaultValueFactory = _ => "report" };
        var x = new Option<string?>("--x") { Description = "Variable on the x axis of the fitted-curve figure (default D, else the first variable)" };
        var group = new Option<string?>("--group") { Description = "Column grouping the points and curves (default N when x is D)" };
        var command = new Command("report", """
            Write a Markdown and an HTML report (tables and figures) of saved fits.

            Example:
              scaling-laws report --fit fit.json --data data/epoch-chinchilla/svg_extracted_data.csv --out report
            """) { fit, outDir, x, group };
        data.AddTo(command, withTarget: false);
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            var saved = SavedFits.Read(parse.GetValue(fit)!);
            string? xVariable = parse.GetValue(x);
            foreach (var s in saved)
                if (xVariable is not null && !s.Fit.Law.Variables.Contains(xVariable))
                    throw new CliException($"Option '--x': '{xVariable}' is not a variable of law '{s.Fit.Law.Name}' (variables: {string.Join(", ", s.Fit.Law.Variables)}).");
            var table = parse.GetValue(data.Data) is null ? null : data.LoadForFits(parse, saved);
            var report = new ReportBuilder("ScalingLaws report");
            for (int i = 0; i < saved.Count; i++)
            {
                var (rows, binding) = table is null ? (null, saved[i].Binding) : data.ForSavedFit(parse, table, saved[i].Binding);
                FitReports.Add(report, saved[i].Fit, rows, $"fit{i + 1}", xVariable, parse.GetValue(group), binding.Mapping);
            }
            var files = Write(report.Build(), parse.GetValue(outDir)!);
            context.Error.WriteLine($"Wrote {files.Markdown} and {files.Html}");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Writes a report into <paramref name="directory"/>, mapping IO failures to a CLI error.</summary>
    public static ReportFiles Write(Report report, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            return report.WriteTo(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write the report to '{directory}': {e.Message}");
        }
    }
}
