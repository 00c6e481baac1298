using System.CommandLine;
using System.Text;
using System.Text.Json;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Laws;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws laws</c>: the catalogue of laws with formulas, variables, parameters and citations.</summary>
internal static class LawsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var output = CommonOptions.Output();
        var name = new Argument<string?>("name") { Description = "Show one law only", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("laws", """
            List the laws that 'fit --law' accepts, with formula, variables, parameters and citation.

            Examples:
              scaling-laws laws
              scaling-laws laws chinchilla
              scaling-laws laws --format json
            """) { name, format, output };
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            var entries = LawCatalog.Entries.ToList();
            if (parse.GetValue(name) is { } one)
            {
                if (!LawCatalog.Contains(one))
                {
                    try { LawCatalog.Describe(one); }
                    catch (ArgumentException e) { throw new CliException(e.Message); }
                }
                entries = [LawCatalog.Describe(one)];
            }
            string text = parse.GetValue(format) switch
            {
                OutputFormat.Json => Json(entries),
                OutputFormat.Csv => Csv.Table(["name", "summary", "formula", "variables", "parameters", "requires_domains", "citation"],
                    entries.Select(e => (IEnumerable<string?>)[e.Name, e.Summary, e.Formula, string.Join(" ", e.Variables),
                        string.Join(" ", e.Parameters.Select(p => p.Name)), e.RequiresDomains ? "true" : "false", e.Citation])),
                _ => Table(entries),
            };
            ResultWriter.Write(context, parse.GetValue(output), text);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Table(IEnumerable<LawCatalogEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries)
        {
            sb.AppendLine($"{e.Name} — {e.Summary}");
            sb.AppendLine($"    form:       {e.GeneralForm}");
            sb.AppendLine($"    formula:    {e.Formula}");
            sb.AppendLine($"    variables:  {string.Join(", ", e.Variables)}{(e.RequiresDomains ? " (domain columns from --weights)" : "")}");
            sb.AppendLine($"    parameters: {string.Join(", ", e.Parameters.Select(p => p.Name))}");
            if (e.Citation.Length > 0) sb.AppendLine($"    citation:   {e.Citation}");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Json(IEnumerable<LawCatalogEntry> entries)
    {
        return JsonText.Object("laws", w =>
        {
            w.WriteStartArray("laws");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("summary", e.Summary);
                w.WriteString("form", e.GeneralForm);
                w.WriteString("formula", e.Formula);
                w.WriteBoolean("requiresDomains", e.RequiresDomains);
                w.WriteStartArray("variables");
                foreach (var v in e.Variables) w.WriteStringValue(v);
                w.WriteEndArray();
                w.WriteStartArray("parameters");
                foreach (var p in e.Parameters)
                {
                    w.WriteStartObject();
                    w.WriteString("name", p.Name);
                    JsonNumbers.Write(w, "lower", p.Lower);
                    JsonNumbers.Write(w, "upper", p.Upper);
                    w.WriteString("description", p.Description);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteString("citation", e.Citation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }) + "\n";
    }
}
