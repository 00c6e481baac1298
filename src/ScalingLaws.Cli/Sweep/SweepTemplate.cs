using System.Collections.Immutable;

namespace ScalingLaws.Cli.Sweep;

/// <summary>A job template: a command with options, some of them placeholders for axis values or earlier outputs.</summary>
/// <param name="Name">Unique name; later templates refer to its outputs as <c>{name.option}</c>.</param>
/// <param name="Command">The subcommand to run (fit, validate, compare, predict, optimize, plot, report, …).</param>
/// <param name="Arguments">Positional arguments, before the options.</param>
/// <param name="Options">Options by name without the leading dashes, in plan order.</param>
/// <param name="Outputs">Output options (name → file or folder name inside the job's folder).</param>
/// <param name="With">Axes of option sets merged into <see cref="Options"/>.</param>
/// <param name="Where">Where in the plan the template is declared, for messages (e.g. <c>plan.yaml: jobs[2]</c>).</param>
internal sealed record SweepTemplate(
    string Name,
    string Command,
    ImmutableArray<string> Arguments,
    ImmutableArray<KeyValuePair<string, SweepValue>> Options,
    ImmutableArray<KeyValuePair<string, string>> Outputs,
    ImmutableArray<string> With,
    string Where);
