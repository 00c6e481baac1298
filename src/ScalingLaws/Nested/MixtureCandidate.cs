using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Nested;

/// <summary>A mixture law stage 3 of the nested prediction may choose, with the name it is reported by.</summary>
/// <param name="Name">Name shown in reports (e.g. <c>data-mixing</c>, <c>linear</c>).</param>
/// <param name="Law">The law; its variables are domain-weight columns.</param>
public sealed record MixtureCandidate(string Name, IScalingLaw Law)
{
    /// <summary>
    /// The first-order (Scheffé) mixture model L(h) = Σ_j b_j·h_j: on the simplex it is the general linear model
    /// (an intercept is Σ_j b·h_j), one parameter <c>b_&lt;domain&gt;</c> per domain. It grows at most linearly
    /// outside the fitted mixtures, where the exponential of the data mixing law can diverge.
    /// </summary>
    /// <param name="domains">The domain-weight columns.</param>
    public static MixtureCandidate Linear(IReadOnlyList<string> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var parameters = domains.Select(d => "b_" + DomainColumns.Suffix(d)).ToImmutableArray();
        string formula = string.Join(" + ", domains.Select((d, j) => parameters[j] + "*" + d));
        return new MixtureCandidate("linear", FormulaLaw.Create(formula, domains, parameters));
    }
}
