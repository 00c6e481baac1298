using System.Collections.Immutable;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// A declared sweep: named axes (lists of values) and job templates; each template runs once for every
/// combination of the values of the axes it uses (the cartesian product, first axis outermost).
/// </summary>
/// <param name="Axes">The axes, in the order the plan declares them.</param>
/// <param name="Templates">The job templates, in plan order; a template may use only the outputs of earlier ones.</param>
internal sealed record SweepPlan(ImmutableArray<SweepAxis> Axes, ImmutableArray<SweepTemplate> Templates);
