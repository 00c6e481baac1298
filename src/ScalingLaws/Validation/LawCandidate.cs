using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>One law entered in a <see cref="LawComparison"/>, with its own fit options when it needs them (fixed parameters, starts).</summary>
/// <param name="Label">Name shown in the ranking (e.g. <c>chinchilla</c> or <c>chinchilla (l2)</c>); must be unique within a comparison.</param>
/// <param name="Law">The law.</param>
/// <param name="Options">Fit options for this law; <c>null</c> uses <see cref="ValidationOptions.Fit"/> of the comparison.</param>
public sealed record LawCandidate(string Label, IScalingLaw Law, FitOptions? Options = null)
{
    /// <summary>A candidate labelled with the law's catalogue name.</summary>
    /// <param name="law">The law.</param>
    public static LawCandidate Of(IScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return new LawCandidate(law.Name, law);
    }
}
