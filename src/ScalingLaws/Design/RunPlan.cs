using System.Collections.Immutable;

namespace ScalingLaws.Design;

/// <summary>A run plan: the domains (weight columns, in order) and the runs.</summary>
/// <param name="Domains">Domain-weight column names, in the order of every run's <see cref="PlannedRun.Weights"/>; empty without mixtures.</param>
/// <param name="Runs">The runs, in plan order.</param>
public sealed record RunPlan(ImmutableArray<string> Domains, ImmutableArray<PlannedRun> Runs)
{
    /// <summary>Total training compute Σ 6·N·D over the runs (FLOP), or null when some run has no N or D.</summary>
    public double? TotalCompute
    {
        get
        {
            double total = 0;
            foreach (var run in Runs)
            {
                if (run.Compute is not double c) return null;
                total += c;
            }
            return total;
        }
    }
}
