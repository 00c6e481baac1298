using System.Text.RegularExpressions;
using ScalingLaws.Data;
using ScalingLaws.Expressions;
using ScalingLaws.Fitting;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// The one place where a command's failures become exit codes. Expected failures — bad files, options, formulas,
/// values, unwritable outputs — print <c>error: MESSAGE</c> on standard error and exit 1; cancellation (Ctrl+C)
/// prints <c>cancelled</c> and exits 130; anything else is a bug: one line <c>internal error, please report</c>
/// and exit 70, with the stack trace only under <c>--verbose</c>.
/// </summary>
internal static partial class ErrorBoundary
{
    /// <summary>The longest message printed; longer ones are cut, saying how much was left out.</summary>
    public const int MaxMessageLength = 2000;

    /// <summary>Runs <paramref name="body"/> and maps its failures to exit codes (see the class summary).</summary>
    public static int Run(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsCancellation(e, context))
        {
            context.Error.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (IsBadInput(e))
        {
            context.Error.WriteLine("error: " + Message(e));
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"internal error, please report: {e.GetType().Name}: {Cut(e.Message)}");
            if (context.Verbose) context.Error.WriteLine(e.ToString());
            else context.Error.WriteLine("Run again with --verbose for the stack trace.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> is an expected failure: bad input as the CLI, readers, formula parser and fit
    /// setup report it, argument checks of the library (the values came from the user), and input/output errors.
    /// </summary>
    public static bool IsBadInput(Exception e) => e is CliException or DataException or FitSetupException or FormulaException
        or FormatException or ArgumentException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException;

    /// <summary>The user-facing text of an expected failure: no <c>(Parameter 'x')</c> suffix (also inside wrapped messages), at most <see cref="MaxMessageLength"/> characters.</summary>
    public static string Message(Exception e)
    {
        var text = ParameterSuffix().Replace(e.Message, "");
        if (e is ArgumentOutOfRangeException) text = ActualValue().Replace(text, "");
        return Cut(text.Trim());
    }

    private static bool IsCancellation(Exception e, CliContext context) =>
        e is OperationCanceledException || (e is AggregateException a && a.InnerExceptions.All(i => i is OperationCanceledException))
        || (context.Cancellation.IsCancellationRequested && e is ObjectDisposedException);

    private static string Cut(string text) =>
        text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + $"… ({text.Length - MaxMessageLength:N0} more characters)";

    // .NET appends " (Parameter 'name')" to argument errors: a programmer's detail, not the user's option name.
    [GeneratedRegex(@" ?\(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"\s*Actual value was .*\.$", RegexOptions.Singleline)]
    private static partial Regex ActualValue();
}
