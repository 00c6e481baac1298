using System.Collections.Immutable;

using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// One law of the catalogue, for listing (<c>scaling-laws laws</c>): its name, a one-line summary, the
/// general form, whether it needs domain-weight columns, and an example instance from which the formula,
/// variables, parameters and citation are read. For mixture laws the example is built for two
/// placeholder domains <c>h_1</c>, <c>h_2</c>.
/// </summary>
/// <param name="Name">Catalogue key, e.g. <c>chinchilla</c>.</param>
/// <param name="Summary">One line saying what the law models.</param>
/// <param name="GeneralForm">The law in mathematical notation (with Σ over domains for mixture laws).</param>
/// <param name="RequiresDomains">Whether <see cref="LawCatalog.Create"/> needs the list of domain-weight columns.</param>
/// <param name="Example">An instance of the law (with placeholder domains when <paramref name="RequiresDomains"/>).</param>
public sealed record LawCatalogEntry(string Name, string Summary, string GeneralForm, bool RequiresDomains, IScalingLaw Example)
{
    /// <summary>The example's formula in the formula language.</summary>
    public string Formula => Example.Formula;

    /// <summary>The example's variables (column names).</summary>
    public ImmutableArray<string> Variables => Example.Variables;

    /// <summary>The example's parameters.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Example.Parameters;

    /// <summary>The paper the law comes from.</summary>
    public string Citation => Example.Citation;
}
