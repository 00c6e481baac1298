using System.CommandLine;
using System.Text.RegularExpressions;
using ScalingLaws.Cli.Commands;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Expressions;

namespace ScalingLaws.Cli;

/// <summary>The <c>scaling-laws</c> command line: parsing, dispatch and the mapping of errors to exit codes.</summary>
internal static class CliApp
{
    /// <summary>Runs the command line with the given arguments and writers; returns the exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="errorIsTerminal">Whether standard error is a terminal (progress is shown only then).</param>
    /// <param name="cancellation">Cancels the running command (Ctrl+C): it prints "cancelled" and returns 130.</param>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool errorIsTerminal = false,
        CancellationToken cancellation = default)
    {
        var context = new CliContext(output, error, errorIsTerminal) { Cancellation = cancellation, Verbose = args.Contains(VerboseOption.Name) };
        var root = BuildRoot(context, args);
        root.Add(VerboseOption);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Bad command lines get their errors on stderr, in plain words, and exit 1; the help is one command away.
            foreach (var message in CommandLineErrors.Describe(parse)) error.WriteLine("error: " + Plain(message));
            error.WriteLine($"Run '{string.Join(' ', ["scaling-laws", .. CommandPath(parse.CommandResult)])} --help' for the options.");
            return Task.FromResult(ExitCodes.BadInput);
        }
        // Ctrl+C is handled by the caller's token (Program.cs), not by System.CommandLine's own handler.
        return parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, cancellation);
    }

    /// <summary><c>--verbose</c>: print the stack trace of an internal error.</summary>
    private static Option<bool> VerboseOption => new("--verbose") { Description = "Print the stack trace of an internal error", Recursive = true };

    /// <summary>A parse error with .NET type names ("System.Nullable`1[System.Int32]") replaced by what a user types.</summary>
    internal static string Plain(string message) =>
        Regex.Replace(message, @"as expected type '([^']+)'", m => m.Groups[1].Value switch
        {
            var t when t.Contains("Int32") || t.Contains("Int64") => "as an integer",
            var t when t.Contains("Double") || t.Contains("Single") => "as a number",
            var t when t.Contains("Boolean") => "as true or false",
            var t => $"as {t[(t.LastIndexOf('.') + 1)..].TrimEnd(']')}",
        });

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new List<string>();
        for (var r = result; r is not null && r.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command.Name);
        return names;
    }

    /// <summary>The subcommands by name, each built only when asked for.</summary>
    private static readonly (string Name, Func<CliContext, Command> Create)[] Commands =
    [
        ("laws", LawsCommand.Create),
        ("fit", FitCommand.Create),
        ("predict", PredictCommand.Create),
        ("optimize", OptimizeCommand.Create),
        ("cpt", CptCommand.Create),
        ("plot", PlotCommand.Create),
        ("report", ReportCommand.Create),
        ("simulate", SimulateCommand.Create),
        ("validate", ValidateCommand.Create),
        ("compare", CompareCommand.Create),
        ("demo", DemoCommand.Create),
        ("design", DesignCommand.Create),
        ("sweep", SweepCommand.Create),
    ];

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand BuildRoot(CliContext context) => Root(Commands.Select(c => c.Create(context)));

    /// <summary>
    /// The root command with only what <paramref name="args"/> can reach: the named subcommand when the first
    /// argument names one, no subcommand for a bare <c>--version</c>, every subcommand otherwise (root help,
    /// typos). Building a command's options and actions is most of a small command's start-up, so the others
    /// are never built; the parse result is the same as with the whole tree.
    /// </summary>
    public static RootCommand BuildRoot(CliContext context, IReadOnlyList<string> args)
    {
        if (args is ["--version"]) return Root([]);
        if (args.Count > 0 && Array.FindIndex(Commands, c => c.Name == args[0]) is var i and >= 0)
            return Root([Commands[i].Create(context)]);
        return BuildRoot(context);
    }

    private static RootCommand Root(IEnumerable<Command> subcommands)
    {
        var root = new RootCommand("""
            scaling-laws: fit scaling laws to training logs, say how sure the fit is, predict untrained runs,
            and plan data mixtures and compute budgets.
            """);
        foreach (var command in subcommands) root.Add(command);
        return root;
    }

    /// <summary>Runs a command body through the <see cref="ErrorBoundary"/>: bad input exits 1, Ctrl+C 130, a bug 70.</summary>
    public static Task<int> Guard(CliContext context, Func<int> body) => Task.FromResult(ErrorBoundary.Run(context, body));
}
