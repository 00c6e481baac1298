using System.Collections.Immutable;

namespace ScalingLaws.Laws;

/// <summary>
/// A law whose variables include domain-weight columns (shares of each training domain in a run's mixture,
/// summing to 1). Fits of such laws are checked before fitting for weights the data cannot identify (see
/// <see cref="Fitting.DomainIdentifiability"/>).
/// </summary>
public interface IDomainWeightedLaw : IScalingLaw
{
    /// <summary>The domain-weight columns, in the law's order; each is one of <see cref="IScalingLaw.Variables"/>.</summary>
    ImmutableArray<string> Domains { get; }
}
