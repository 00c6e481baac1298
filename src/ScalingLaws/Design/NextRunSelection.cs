using System.Collections.Immutable;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Design;

/// <summary>The proposed next runs and the decision they sharpen.</summary>
/// <param name="Target">The decision.</param>
/// <param name="Components">Names of the decision's components (domains, <c>log_N_opt</c>, or losses).</param>
/// <param name="Estimate">The decision under the point-estimate fits.</param>
/// <param name="Intervals">Percentile intervals of each component over the bootstrap ensemble, or normal intervals q̂ ± z·sd of the linearisation when no ensemble was given.</param>
/// <param name="Replicates">Bootstrap replicates whose decision could be computed (0 without an ensemble).</param>
/// <param name="Variance">Current total variance of the decision under the criterion's belief (trace of its covariance).</param>
/// <param name="Proposals">The proposals, in selection order.</param>
public sealed record NextRunSelection(DecisionTarget Target, ImmutableArray<string> Components, ImmutableArray<double> Estimate,
    ImmutableArray<BootstrapInterval> Intervals, int Replicates, double Variance, ImmutableArray<NextRunProposal> Proposals)
{
    /// <summary>Expected total variance after all proposals are observed.</summary>
    public double ExpectedVariance => Proposals.IsEmpty ? Variance : Proposals[^1].ExpectedVariance;

    /// <summary>Total compute of the proposals, Σ 6·N·D (null when some has no N or D).</summary>
    public double? TotalCompute => Proposals.All(p => p.Compute is not null) ? Proposals.Sum(p => p.Compute!.Value) : null;
}
