using System.Collections.Immutable;
using System.Globalization;

using ScalingLaws.Fitting;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// One predicted loss of a mixture model: a fitted law whose variables are bound to the domain weights,
/// the budget's N and D, or constants (see <see cref="VariableBinding"/>).
/// </summary>
public sealed record LossModel
{
    /// <summary>Creates a loss model with explicit bindings.</summary>
    /// <param name="name">Name of the loss, e.g. <c>loss_pile_cc</c>.</param>
    /// <param name="law">The fitted law.</param>
    /// <param name="bindings">One binding per variable of the law, in the law's variable order.</param>
    /// <exception cref="ArgumentException">The name is empty or the binding count differs from the variable count.</exception>
    public LossModel(string name, FittedLaw law, IEnumerable<VariableBinding> bindings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(bindings);
        var list = bindings.ToImmutableArray();
        if (list.Length != law.Law.Variables.Length)
            throw new ArgumentException(
                $"Loss '{name}': law '{law.Law.Name}' reads {law.Law.Variables.Length} variables ({string.Join(", ", law.Law.Variables)}) but {list.Length} bindings were given.",
                nameof(bindings));
        Name = name;
        Law = law;
        Bindings = list;
    }

    /// <summary>Name of the loss.</summary>
    public string Name { get; }

    /// <summary>The fitted law.</summary>
    public FittedLaw Law { get; }

    /// <summary>One binding per variable of the law.</summary>
    public ImmutableArray<VariableBinding> Bindings { get; }

    /// <summary>
    /// Binds a fitted law's variables by name. A variable takes, in this order: the value in
    /// <paramref name="constants"/>; the domain named in <paramref name="domainOf"/>; the domain of the same
    /// name (exactly, else after <see cref="DomainNameMatching.Normalize"/>); the budget's model size for
    /// <c>N</c> and tokens for <c>D</c>. Any other variable is an error naming it.
    /// </summary>
    /// <param name="law">The fitted law.</param>
    /// <param name="domains">The training domains (weight columns) of the mixture.</param>
    /// <param name="name">Name of the loss; default <see cref="FittedLaw.Name"/>.</param>
    /// <param name="domainOf">Law variable → domain name, e.g. <c>r → w_pile_cc</c> for a per-domain BiMix fit.</param>
    /// <param name="constants">Law variable → fixed value, e.g. <c>s → 100000</c> (training steps).</param>
    /// <exception cref="ArgumentException">A variable cannot be bound; the message names it and lists the domains.</exception>
    public static LossModel Bind(FittedLaw law, IReadOnlyList<string> domains, string? name = null,
        IReadOnlyDictionary<string, string>? domainOf = null, IReadOnlyDictionary<string, double>? constants = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(domains);
        name = string.IsNullOrEmpty(name) ? law.Name : name;
        var variables = law.Law.Variables;
        foreach (var key in (domainOf?.Keys ?? []).Concat(constants?.Keys ?? []))
            if (!variables.Contains(key))
                throw new ArgumentException($"Loss '{name}': '{key}' is not a variable of law '{law.Law.Name}' (variables: {string.Join(", ", variables)}).");
        var bindings = new VariableBinding[variables.Length];
        for (int v = 0; v < variables.Length; v++)
        {
            string variable = variables[v];
            if (constants is not null && constants.TryGetValue(variable, out double value))
            {
                if (!double.IsFinite(value))
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Loss '{name}': the value of '{variable}' ({value}) is not finite."));
                bindings[v] = VariableBinding.Constant(value);
            }
            else if (domainOf is not null && domainOf.TryGetValue(variable, out string? domain))
                bindings[v] = VariableBinding.Weight(DomainNameMatching.IndexOf(domain, domains,
                    $"Loss '{name}': variable '{variable}' is mapped to domain '{domain}', which is not a training domain"));
            else if (variable is "N" or "D" && !domains.Contains(variable))
                bindings[v] = variable == "N" ? VariableBinding.ModelSize : VariableBinding.Tokens;   // before the loose match: 'D' is not domain 'h_d'
            else if (FindDomain(variable, domains) is int j and >= 0)
                bindings[v] = VariableBinding.Weight(j);
            else
                throw new ArgumentException(
                    $"Loss '{name}': variable '{variable}' of law '{law.Law.Name}' is neither a training domain ({string.Join(", ", domains)}) nor N or D; "
                    + "give its value as a constant or map it to a domain.");
        }
        return new LossModel(name, law, bindings);
    }

    /// <summary>The same loss with other parameter values (e.g. a bootstrap replicate).</summary>
    /// <param name="parameters">One value per parameter of the law.</param>
    public LossModel WithParameters(IEnumerable<double> parameters) => new(Name, Law.WithParameters(parameters), Bindings);

    private static int FindDomain(string variable, IReadOnlyList<string> domains)
    {
        for (int j = 0; j < domains.Count; j++) if (domains[j] == variable) return j;
        string key = DomainNameMatching.Normalize(variable);
        int found = -1;
        for (int j = 0; j < domains.Count; j++)
            if (DomainNameMatching.Normalize(domains[j]) == key)
            {
                if (found >= 0) return -1;
                found = j;
            }
        return found;
    }
}
