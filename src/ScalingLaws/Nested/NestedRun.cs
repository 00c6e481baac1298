using System.Collections.Immutable;
using ScalingLaws.Data;

namespace ScalingLaws.Nested;

/// <summary>
/// One training run of the nested prediction: a model size and a mixture, with its logged steps and the
/// losses at each (<c>Losses[target][step]</c>), and where its first row came from.
/// </summary>
/// <param name="ModelSize">N of the run.</param>
/// <param name="Mixture">Index of the run's mixture in <see cref="NestedFit.Mixtures"/>.</param>
/// <param name="Steps">The logged steps used, ascending.</param>
/// <param name="Losses">Loss of each target at each step.</param>
/// <param name="Source">File and line of the run's first row.</param>
/// <param name="Label">Human-readable name, e.g. <c>size 70M, mixture 0.25-0.75</c>.</param>
public sealed record NestedRun(double ModelSize, int Mixture, ImmutableArray<double> Steps,
    ImmutableArray<ImmutableArray<double>> Losses, SourceLocation Source, string Label);
