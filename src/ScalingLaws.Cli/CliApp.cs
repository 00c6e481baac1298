using System.CommandLine;
using ScalingLaws.Cli.Commands;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Data;
using ScalingLaws.Expressions;
using ScalingLaws.Fitting;

namespace ScalingLaws.Cli;

/// <summary>The <c>scaling-laws</c> command line: parsing, dispatch and the mapping of errors to exit codes.</summary>
public static class CliApp
{
    /// <summary>Runs the command line with the given arguments and writers; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool errorIsTerminal = false)
    {
        var context = new CliContext(output, error, errorIsTerminal);
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        return parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand BuildRoot(CliContext context) => new("""
        scaling-laws: fit scaling laws to training logs, say how sure the fit is, predict untrained runs,
        and plan data mixtures and compute budgets.
        """)
    {
        LawsCommand.Create(context),
        FitCommand.Create(context),
        PredictCommand.Create(context),
        OptimizeCommand.Create(context),
        CptCommand.Create(context),
        PlotCommand.Create(context),
        ReportCommand.Create(context),
        SimulateCommand.Create(context),
        ValidateCommand.Create(context),
        CompareCommand.Create(context),
        DemoCommand.Create(context),
    };

    /// <summary>
    /// Runs a command body, mapping bad input (files, formulas, options) to a message and exit 1, and
    /// cancellation (Ctrl+C) to exit 130.
    /// </summary>
    public static Task<int> Guard(CliContext context, Func<int> body)
    {
        try { return Task.FromResult(body()); }
        catch (Exception e) when (e is CliException or DataException or FitSetupException or FormulaException or FormatException)
        {
            context.Error.WriteLine("error: " + e.Message);
            return Task.FromResult(ExitCodes.BadInput);
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("cancelled");
            return Task.FromResult(130);
        }
    }
}
