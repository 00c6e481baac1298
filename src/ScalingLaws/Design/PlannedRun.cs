using System.Collections.Immutable;

namespace ScalingLaws.Design;

/// <summary>
/// One run of a plan: its id, model size N and token count D (either may be unset when the plan has no
/// compute grid), the domain weights (empty when the plan has no mixtures), and the token counts at which a
/// constant-learning-rate run is read (empty: read at D only).
/// </summary>
/// <param name="Id">Run id, e.g. <c>run-0001</c>.</param>
/// <param name="ModelSize">N, parameters; null when not planned.</param>
/// <param name="Tokens">D, training tokens; null when not planned.</param>
/// <param name="Weights">Domain weights in the plan's domain order (on the simplex), or empty.</param>
/// <param name="Checkpoints">Token counts (≤ D, ascending) at which the run's loss is read, or empty.</param>
public sealed record PlannedRun(string Id, double? ModelSize, double? Tokens, ImmutableArray<double> Weights, ImmutableArray<double> Checkpoints)
{
    /// <summary>Training compute 6·N·D in FLOP, or null when N or D is not planned.</summary>
    public double? Compute => ModelSize is double n && Tokens is double d ? 6 * n * d : null;
}
