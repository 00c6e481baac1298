using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// Predicted losses as functions of the training-domain weights h: the training domains (weight
/// columns, in order) and one <see cref="LossModel"/> per predicted loss. Built from one fitted mixture
/// law (<see cref="FromFit"/>), from a set of per-domain fits (<see cref="FromFits(IReadOnlyList{string}, IEnumerable{FittedLaw}, IReadOnlyDictionary{string, double}?)"/>,
/// <see cref="FromPerDomainFits"/>), or loss by loss with <c>Add</c>.
/// </summary>
public sealed record MixtureModel
{
    /// <summary>Creates a model.</summary>
    /// <param name="domains">Training domains (weight columns), at least one, distinct.</param>
    /// <param name="losses">Predicted losses, distinct names, bindings within the domains.</param>
    /// <exception cref="ArgumentException">No domain, a repeated domain or loss name, or a binding to a missing domain.</exception>
    public MixtureModel(IEnumerable<string> domains, IEnumerable<LossModel> losses)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(losses);
        Domains = domains.ToImmutableArray();
        Losses = losses.ToImmutableArray();
        if (Domains.IsEmpty) throw new ArgumentException("A mixture model needs at least one training domain.", nameof(domains));
        var repeated = Domains.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"Training domain '{repeated.Key}' is listed twice.", nameof(domains));
        var repeatedLoss = Losses.GroupBy(l => l.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeatedLoss is not null)
            throw new ArgumentException($"Loss '{repeatedLoss.Key}' appears twice; give the losses distinct names.", nameof(losses));
        foreach (var loss in Losses)
            foreach (var b in loss.Bindings)
                if (b.Source == VariableSource.Weight && b.Domain >= Domains.Length)
                    throw new ArgumentException($"Loss '{loss.Name}' is bound to domain index {b.Domain}, but there are {Domains.Length} domains.", nameof(losses));
    }

    /// <summary>Training domains (weight columns), in the order of the weight vectors.</summary>
    public ImmutableArray<string> Domains { get; }

    /// <summary>The predicted losses.</summary>
    public ImmutableArray<LossModel> Losses { get; }

    /// <summary>Whether some loss reads the budget's model size N.</summary>
    public bool UsesModelSize => Losses.Any(l => l.Bindings.Any(b => b.Source == VariableSource.ModelSize));

    /// <summary>Whether some loss reads the budget's tokens D.</summary>
    public bool UsesTokens => Losses.Any(l => l.Bindings.Any(b => b.Source == VariableSource.Tokens));

    /// <summary>
    /// The model of one fitted mixture law (e.g. <c>data-mixing</c>, <c>mixture-additive</c>, <c>mixture-joint</c>, or a
    /// formula law) predicting one loss. The domains default to those a mixture law declares
    /// (<see cref="IMixtureLaw.Domains"/>); for another law, its variables other than the budget's N and D and the constants.
    /// </summary>
    /// <param name="fit">The fitted law (a <see cref="FitResult"/> converts implicitly).</param>
    /// <param name="domains">Training domains; default: <see cref="IMixtureLaw.Domains"/>, else the law's variables except N, D and <paramref name="constants"/>.</param>
    /// <param name="constants">Values of variables that are neither weights nor N/D.</param>
    public static MixtureModel FromFit(FittedLaw fit, IReadOnlyList<string>? domains = null, IReadOnlyDictionary<string, double>? constants = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        domains ??= fit.Law is IMixtureLaw mixture ? mixture.Domains
            : fit.Law.Variables.Where(v => v != "N" && v != "D" && (constants is null || !constants.ContainsKey(v))).ToList();
        return new MixtureModel(domains, [LossModel.Bind(fit, domains, constants: constants)]);
    }

    /// <summary>The model of several fits over the same weight columns, e.g. one <c>data-mixing</c> fit per validation domain.</summary>
    /// <param name="domains">Training domains (weight columns).</param>
    /// <param name="fits">The fitted laws; each loss is named by its fit's target.</param>
    /// <param name="constants">Values of variables that are neither weights nor N/D, shared by all fits.</param>
    public static MixtureModel FromFits(IReadOnlyList<string> domains, IEnumerable<FittedLaw> fits, IReadOnlyDictionary<string, double>? constants = null)
    {
        ArgumentNullException.ThrowIfNull(fits);
        return new MixtureModel(domains, fits.Select(f => LossModel.Bind(f, domains, constants: Restrict(constants, f))));
    }

    /// <summary>The model of several fit results over the same weight columns.</summary>
    /// <param name="domains">Training domains (weight columns).</param>
    /// <param name="fits">The fits; each loss is named by its target column.</param>
    /// <param name="constants">Values of variables that are neither weights nor N/D, shared by all fits.</param>
    public static MixtureModel FromFits(IReadOnlyList<string> domains, IEnumerable<FitResult> fits, IReadOnlyDictionary<string, double>? constants = null) =>
        FromFits(domains, fits.Select(FittedLaw.From), constants);

    /// <summary>
    /// The model of per-domain fits whose law reads one domain's own share, such as BiMix
    /// (L_i(r_i, s)): fit i's <paramref name="shareVariable"/> is bound to domain i.
    /// </summary>
    /// <param name="domains">Training domains; fit i models domain i.</param>
    /// <param name="fits">One fitted law per domain, in domain order.</param>
    /// <param name="shareVariable">The law variable holding the domain's share; default <c>r</c>.</param>
    /// <param name="constants">Values of the other variables (e.g. <c>s</c>, the training steps).</param>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public static MixtureModel FromPerDomainFits(IReadOnlyList<string> domains, IReadOnlyList<FittedLaw> fits, string shareVariable = "r",
        IReadOnlyDictionary<string, double>? constants = null)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(fits);
        if (fits.Count != domains.Count)
            throw new ArgumentException($"{fits.Count} per-domain fits for {domains.Count} domains; give one fit per domain, in domain order.", nameof(fits));
        var losses = new List<LossModel>();
        for (int i = 0; i < fits.Count; i++)
        {
            string name = fits[i].Name == fits[i].Law.Name ? "loss_" + domains[i] : fits[i].Name;
            losses.Add(LossModel.Bind(fits[i], domains, name, new Dictionary<string, string> { [shareVariable] = domains[i] }, Restrict(constants, fits[i])));
        }
        return new MixtureModel(domains, losses);
    }

    /// <summary>The model with one more loss, bound by name (see <see cref="LossModel.Bind"/>).</summary>
    /// <param name="fit">The fitted law.</param>
    /// <param name="name">Name of the loss; default the fit's target.</param>
    /// <param name="domainOf">Law variable → domain name.</param>
    /// <param name="constants">Law variable → fixed value.</param>
    public MixtureModel Add(FittedLaw fit, string? name = null, IReadOnlyDictionary<string, string>? domainOf = null,
        IReadOnlyDictionary<string, double>? constants = null) =>
        new(Domains, Losses.Add(LossModel.Bind(fit, Domains, name, domainOf, constants)));

    /// <summary>The model with one more loss.</summary>
    /// <param name="loss">The loss model.</param>
    public MixtureModel Add(LossModel loss) => new(Domains, Losses.Add(loss));

    /// <summary>The same model with other parameter values for every loss (e.g. a bootstrap replicate).</summary>
    /// <param name="parameters">One parameter vector per loss, in loss order.</param>
    /// <exception cref="ArgumentException">The count differs from the number of losses.</exception>
    public MixtureModel WithParameters(IReadOnlyList<IReadOnlyList<double>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != Losses.Length)
            throw new ArgumentException($"{parameters.Count} parameter vectors for {Losses.Length} losses.", nameof(parameters));
        return new MixtureModel(Domains, Losses.Select((l, i) => l.WithParameters(parameters[i])));
    }

    /// <summary>Index of a training domain (exact name, else after <see cref="DomainNameMatching.Normalize"/>).</summary>
    /// <param name="domain">Domain name.</param>
    /// <exception cref="ArgumentException">No such domain; the message lists them.</exception>
    public int IndexOfDomain(string domain) => DomainNameMatching.IndexOf(domain, Domains, $"'{domain}' is not a training domain");

    /// <summary>Index of a loss by name.</summary>
    /// <param name="loss">Loss name.</param>
    /// <exception cref="ArgumentException">No such loss; the message lists them.</exception>
    public int IndexOfLoss(string loss)
    {
        for (int i = 0; i < Losses.Length; i++) if (Losses[i].Name == loss) return i;
        string? closest = ClosestName.Find(loss, Losses.Select(l => l.Name).ToList());
        string hint = closest is null ? "" : $" Did you mean '{closest}'?";
        throw new ArgumentException($"The model predicts no loss named '{loss}'.{hint} The losses are {string.Join(", ", Losses.Select(l => l.Name))}.");
    }

    private static IReadOnlyDictionary<string, double>? Restrict(IReadOnlyDictionary<string, double>? constants, FittedLaw fit) =>
        constants?.Where(p => fit.Law.Variables.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
}
