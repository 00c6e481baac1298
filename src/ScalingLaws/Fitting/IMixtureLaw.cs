using System.Collections.Immutable;

namespace ScalingLaws.Fitting;

/// <summary>A law over a data mixture: which of its <see cref="IScalingLaw.Variables"/> are domain weights.</summary>
public interface IMixtureLaw : IScalingLaw
{
    /// <summary>The domain-weight variables, in the law's order (a subset of <see cref="IScalingLaw.Variables"/>).</summary>
    ImmutableArray<string> Domains { get; }
}
