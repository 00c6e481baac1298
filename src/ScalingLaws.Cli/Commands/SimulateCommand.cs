using System.CommandLine;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using ScalingLaws.Fitting;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>scaling-laws simulate</c>: synthetic training logs from a known law, with seeded multiplicative noise.</summary>
internal static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var law = new Option<string>("--law", "-l") { Description = "A law from the catalogue", Required = true };
        law.CompletionSources.Add(LawCatalog.Names.ToArray());
        var parameters = new Option<string>("--params") { Description = "True parameter values, e.g. \"a=6.2,b=7.7,e=0.6,alpha=0.35,beta=0.37\" (others: the law's defaults)" };
        var domains = new Option<string?>("--domains") { Description = "Domain-weight columns for mixture laws, e.g. h_web,h_code,h_books" };
        var design = new Option<string?>("--design") { Description = "CSV of design points (columns named like the law's variables); default: a grid over typical values" };
        var noise = new Option<double>("--noise") { Description = "Relative noise σ: loss × exp(σ·z), z standard normal", DefaultValueFactory = _ => 0.01 };
        var target = new Option<string>("--target") { Description = "Name of the loss column", DefaultValueFactory = _ => "loss" };
        var outFile = new Option<string>("--out") { Description = "CSV file to write (atomically)", Required = true };
        var seed = CommonOptions.Seed();
        var command = new Command("simulate", """
            Write synthetic runs from a known law: the design points, the noiseless loss (<target>_true) and the
            noisy loss, for testing fits and plans on data whose truth is known.

            Examples:
              scaling-laws simulate --law chinchilla --params a=6.2,b=7.7,e=0.6,alpha=0.35,beta=0.37 --out runs.csv
              scaling-laws fit --data runs.csv --law chinchilla
            """) { law, parameters, domains, design, noise, target, outFile, seed };
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            var domainList = parse.GetValue(domains)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            IScalingLaw model;
            try { model = LawCatalog.Create(parse.GetValue(law)!, domainList); }
            catch (ArgumentException e) { throw new CliException($"Option '--law': {e.Message}"); }
            var values = OptionParser.Assignments(parse.GetValue(parameters), "--params");
            foreach (var name in values.Keys)
                if (!model.Parameters.Any(p => p.Name == name))
                    throw new CliException($"Option '--params': '{name}' is not a parameter of '{model.Name}' ({string.Join(", ", model.Parameters.Select(p => p.Name))}).");
            var missing = model.Parameters.Where(p => !values.ContainsKey(p.Name)).ToList();
            if (missing.Count > 0)
                throw new CliException($"Option '--params': no value for {string.Join(", ", missing.Select(p => $"'{p.Name}'"))}; '{model.Name}' needs every parameter, "
                    + $"e.g. --params {string.Join(",", model.Parameters.Select(p => $"{p.Name}={(values.TryGetValue(p.Name, out var v) ? v : p.Initial).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"))}.");
            var full = model.Parameters.ToDictionary(p => p.Name, p => values[p.Name]);
            double sigma = parse.GetValue(noise);
            if (!(sigma >= 0) || double.IsInfinity(sigma)) throw new CliException($"Option '--noise': {sigma} must be a finite number ≥ 0.");
            RunTable points;
            if (parse.GetValue(design) is { } path)
            {
                if (!File.Exists(path)) throw new CliException($"Option '--design': file '{path}' does not exist.");
                points = RunTableLoader.Load(path);
            }
            else
            {
                try { points = SyntheticDesign.ForLaw(model, seed: parse.GetValue(seed)); }
                catch (ArgumentException e) { throw new CliException($"Give design points with '--design': {e.Message}"); }
            }
            RunTable runs;
            try { runs = SyntheticRuns.Generate(model, full, points, sigma, parse.GetValue(seed), parse.GetValue(target)!); }
            catch (ArgumentException e) { throw new CliException(e.Message); }
            AtomicFile.WriteAllText(parse.GetValue(outFile)!, RunTableCsv.Write(runs));
            context.Error.WriteLine($"Wrote {runs.RowCount} runs to {parse.GetValue(outFile)}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
