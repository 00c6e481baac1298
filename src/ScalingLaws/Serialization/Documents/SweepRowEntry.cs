using System.Collections.Immutable;

namespace ScalingLaws.Serialization.Documents;

/// <summary>One job of a sweep index.</summary>
/// <param name="Order">Position in the sweep.</param>
/// <param name="Id">Job id.</param>
/// <param name="Job">Job name.</param>
/// <param name="Command">Command line.</param>
/// <param name="Key">Key of its inputs.</param>
/// <param name="Status"><c>ok</c>, or why not.</param>
/// <param name="Reused">Whether an earlier result was reused.</param>
/// <param name="ExitCode">Exit code.</param>
/// <param name="Message">Message.</param>
/// <param name="Objective">Objective of its single fit, or null.</param>
/// <param name="Parameters">Fitted parameters as text.</param>
/// <param name="ScaleHoldOutError">Held-out mean relative error, or null.</param>
/// <param name="Outputs">Its output files.</param>
/// <param name="ElapsedMs">Wall time in milliseconds.</param>
public sealed record SweepRowEntry(
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
    long ElapsedMs);
