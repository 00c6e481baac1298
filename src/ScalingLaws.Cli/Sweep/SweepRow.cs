using System.Collections.Immutable;

namespace ScalingLaws.Cli.Sweep;

/// <summary>One row of a sweep index: what a job ran, how it ended, its main numbers and files.</summary>
/// <param name="Order">Position in the whole (unsharded) sweep.</param>
/// <param name="Id">Readable identity <c>template[axis=value,…]</c>.</param>
/// <param name="Job">Template name.</param>
/// <param name="Command">The command line after <c>scaling-laws</c>, outputs relative to the sweep folder.</param>
/// <param name="Key">SHA-256 of the tool version, the command line and the contents of every input file.</param>
/// <param name="Status"><c>ok</c> or <c>failed</c>.</param>
/// <param name="Reused">Whether the outputs of an earlier run with the same key were kept instead of running again.</param>
/// <param name="ExitCode">The command's exit code.</param>
/// <param name="Message">For a failed job, what the command printed on standard error; else empty.</param>
/// <param name="Objective">The fit's objective, when the job's output holds exactly one fit.</param>
/// <param name="Parameters">The fitted parameters as <c>name=value</c> joined by "; " (prefixed by the target when several fits).</param>
/// <param name="ScaleHoldOutError">Relative error on held-out rows (mean over them), when the output reports it.</param>
/// <param name="Outputs">Output files and folders, relative to the sweep folder.</param>
/// <param name="ElapsedMilliseconds">Wall time of the job when it ran.</param>
internal sealed record SweepRow(
    int Order,
    string Id,
    string Job,
    string Command,
    string Key,
    string Status,
    bool Reused,
    int ExitCode,
    string Message,
    double? Objective,
    string Parameters,
    double? ScaleHoldOutError,
    ImmutableArray<string> Outputs,
    long ElapsedMilliseconds);
