using System.Collections.Immutable;

namespace ScalingLaws.Cli.Sweep;

/// <summary>One job of a sweep: a template at one combination of axis values.</summary>
/// <param name="Order">Position in the whole sweep (template order, then the cartesian product, first axis outermost).</param>
/// <param name="Id">Readable, stable identity: <c>template[axis=value,…]</c>.</param>
/// <param name="Template">The template.</param>
/// <param name="Folder">The job's folder, relative to the sweep folder: <c>jobs/TEMPLATE-HASH</c>.</param>
/// <param name="Arguments">The command line (subcommand first), with outputs relative to the sweep folder.</param>
/// <param name="Outputs">The output paths, relative to the sweep folder, in template order.</param>
/// <param name="Dependencies">Orders of the earlier jobs whose outputs this job reads.</param>
/// <param name="SweepPaths">Indices of <see cref="Arguments"/> that are paths relative to the sweep folder.</param>
internal sealed record SweepJob(
    int Order,
    string Id,
    SweepTemplate Template,
    string Folder,
    ImmutableArray<string> Arguments,
    ImmutableArray<string> Outputs,
    ImmutableArray<int> Dependencies,
    ImmutableArray<int> SweepPaths);
