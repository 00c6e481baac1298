namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress and warnings to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output (machine-readable results).</param>
/// <param name="Error">Standard error (messages, warnings, progress).</param>
/// <param name="ErrorIsTerminal">Whether standard error is an interactive terminal (progress is shown only then).</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool ErrorIsTerminal);
