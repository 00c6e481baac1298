namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress and warnings to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output (machine-readable results).</param>
/// <param name="Error">Standard error (messages, warnings, progress).</param>
/// <param name="ErrorIsTerminal">Whether standard error is an interactive terminal (progress is shown only then).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>Cancelled by Ctrl+C (SIGINT) or SIGTERM; output writes check it before replacing a file. Default none.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Whether <c>--verbose</c> was given: internal errors print their stack trace. Default false.</summary>
    public bool Verbose { get; init; }
}
