using System.CommandLine;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Fitting;
using ScalingLaws.Nested;
using ScalingLaws.Plotting.Nested;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Cli.Commands;

/// <summary><c>predict --nested</c>: the target-scale loss of every mixture in the data (or of <c>--at</c> mixtures).</summary>
internal static class NestedPredictCommand
{
    /// <summary>Adds the options <c>predict --nested</c> needs beyond <see cref="NestedCliOptions"/> (only those the command lacks).</summary>
    public static void AddOptions(Command command, NestedCliOptions nested)
    {
        nested.AddTo(command);
        if (!command.Options.Any(o => o.Name == "--bootstrap")) command.Add(new Option<int>("--bootstrap") { Description = "Bootstrap replicates for intervals", DefaultValueFactory = _ => 0 });
        if (!command.Options.Any(o => o.Name == "--seed")) command.Add(CommonOptions.Seed());
        if (!command.Options.Any(o => o.Name == "--threads")) command.Add(CommonOptions.Threads());
        command.Add(new Option<bool>("--compare") { Description = "With --nested: also fit mixture-additive and mixture-joint on the same runs and tabulate the routes" });
    }

    public static int Run(CliContext context, ParseResult parse, NestedCliOptions nested, DataOptions data, string[] at, OutputFormat format, string? output)
    {
        int seed = parse.GetValue<int>("--seed"), threads = parse.GetValue<int>("--threads");
        var (table, options) = nested.Build(parse, data, seed, threads);
        var fit = NestedPipeline.Fit(table, options);
        var given = at.Select(text => Weights(text, options)).ToList();
        int replicates = parse.GetValue<int>("--bootstrap");
        if (replicates < 0) throw new CliException($"Option '--bootstrap': {replicates} must be ≥ 0.");
        BootstrapEnsemble? ensemble = replicates > 0
            ? NestedBootstrap.Run(fit, new BootstrapOptions { Replicates = replicates, Seed = seed, MaxDegreeOfParallelism = threads })
            : null;
        var rows = NestedPrediction.For(fit, given, ensemble);
        NestedComparison? comparison = parse.GetValue<bool>("--compare")
            ? NestedComparison.Run(fit, rows, NestedCliOptions.TokensPerStep(table), fitOptions: ComparisonOptions())
            : null;
        foreach (var w in fit.Warnings) context.Error.WriteLine("warning: " + w);
        ResultWriter.Write(context, output, NestedOutput.Render(fit, rows, comparison, format));
        if (parse.GetValue(nested.Plots) is string folder)
            NestedFigures.WriteReport(folder, fit, NestedOutput.Stages(fit), rows, comparison: comparison is null ? null : NestedOutput.ComparisonTable(comparison));
        return ExitCodes.Success;
    }

    /// <summary>The comparison laws are fitted from 8 seeded quasi-random starts (at most 2,000 iterations each) (their full recipes take minutes on 900 rows).</summary>
    public static FitOptions ComparisonOptions() => new() { Starts = new RandomStarts(8), MaxIterations = 2000 };

    /// <summary>Parses an <c>--at</c> mixture (<c>h_1=0.5,h_2=0.5</c>; domains not named are 0).</summary>
    public static IReadOnlyList<double> Weights(string text, NestedOptions options)
    {
        var values = OptionParser.Assignments(text, "--at");
        foreach (var k in values.Keys)
            if (!options.Domains.Contains(k)) throw new CliException($"Option '--at': '{k}' is not a domain-weight column; domains: {string.Join(", ", options.Domains)}.");
        var weights = options.Domains.Select(d => values.GetValueOrDefault(d)).ToArray();
        if (weights.Any(w => w < 0) || Math.Abs(weights.Sum() - 1) > 1e-3)
            throw new CliException($"Option '--at': the weights in '{text}' must be ≥ 0 and sum to 1 (they sum to {weights.Sum().ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}).");
        return weights;
    }
}
