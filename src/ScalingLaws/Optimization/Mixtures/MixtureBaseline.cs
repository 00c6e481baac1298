using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Data;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// A fixed weight vector to evaluate beside the optimum — uniform, natural (token-proportional), or a
/// published one (DoReMi, DoGE, RegMix) — aligned with a model's training domains.
/// </summary>
public sealed record MixtureBaseline
{
    /// <summary>Creates a baseline from weights in the model's domain order.</summary>
    /// <param name="name">Name shown in reports.</param>
    /// <param name="weights">Non-negative weights, one per training domain; rescaled to sum to 1.</param>
    /// <param name="source">Where the weights come from (file or description); may be empty.</param>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or all are zero.</exception>
    public MixtureBaseline(string name, IEnumerable<double> weights, string source = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(weights);
        var w = weights.ToArray();
        if (w.Length == 0) throw new ArgumentException($"Baseline '{name}' has no weights.", nameof(weights));
        foreach (double x in w)
            if (!double.IsFinite(x) || x < 0)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Baseline '{name}' has weight {x}; weights must be finite and ≥ 0."), nameof(weights));
        double sum = w.Sum();
        if (!(sum > 0)) throw new ArgumentException($"Baseline '{name}' has only zero weights.", nameof(weights));
        Name = name;
        Weights = w.Select(x => x / sum).ToImmutableArray();
        Source = source ?? "";
    }

    /// <summary>Name shown in reports.</summary>
    public string Name { get; }

    /// <summary>Weights in the model's domain order, summing to 1.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>Where the weights come from.</summary>
    public string Source { get; }

    /// <summary>Source domains that matched no training domain and were dropped (with <see cref="UnmatchedDomainPolicy.DropAndRenormalize"/>).</summary>
    public ImmutableArray<string> DroppedDomains { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Total source weight of <see cref="DroppedDomains"/>, before rescaling.</summary>
    public double DroppedWeight { get; init; }

    /// <summary>Training domains the source does not mention; their weight is 0.</summary>
    public ImmutableArray<string> MissingDomains { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Equal weights on <paramref name="domainCount"/> domains.</summary>
    /// <param name="domainCount">Number of training domains, ≥ 1.</param>
    public static MixtureBaseline Uniform(int domainCount) =>
        domainCount >= 1 ? new("uniform", Enumerable.Repeat(1.0, domainCount), "equal weights")
        : throw new ArgumentOutOfRangeException(nameof(domainCount), domainCount, "At least one domain is needed.");

    /// <summary>Token-proportional weights: the domains' token counts (or natural shares), rescaled to sum to 1.</summary>
    /// <param name="tokens">Token count (or share) per training domain, in domain order.</param>
    /// <param name="name">Name; default <c>natural</c>.</param>
    public static MixtureBaseline Natural(IEnumerable<double> tokens, string name = "natural") => new(name, tokens, "token-proportional");

    /// <summary>
    /// Aligns a published weight vector (e.g. from <see cref="DomainWeightsReader"/>) with the training domains,
    /// matching names by <see cref="DomainNameMatching.Normalize"/>. Training domains the source lacks get 0.
    /// </summary>
    /// <param name="weights">The published weights.</param>
    /// <param name="domains">The model's training domains.</param>
    /// <param name="policy">What to do with source domains that match no training domain; default error.</param>
    /// <exception cref="ArgumentException">With <see cref="UnmatchedDomainPolicy.Error"/>, a source domain matches no training
    /// domain (the message lists them and the training domains); two source domains match the same training
    /// domain; or no weight remains.</exception>
    public static MixtureBaseline FromDomainWeights(DomainWeights weights, IReadOnlyList<string> domains,
        UnmatchedDomainPolicy policy = UnmatchedDomainPolicy.Error)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(domains);
        var aligned = new double[domains.Count];
        var matchedBy = new string?[domains.Count];
        var dropped = new List<string>();
        double droppedWeight = 0;
        foreach (var source in weights.Domains)
        {
            int j = DomainNameMatching.Find(source, domains);
            if (j < 0) { dropped.Add(source); droppedWeight += weights.Weights[source]; continue; }
            if (matchedBy[j] is not null)
                throw new ArgumentException($"Weights '{weights.Name}': '{matchedBy[j]}' and '{source}' both match training domain '{domains[j]}'.");
            matchedBy[j] = source;
            aligned[j] = weights.Weights[source];
        }
        if (dropped.Count > 0 && policy == UnmatchedDomainPolicy.Error)
            throw new ArgumentException(
                $"Weights '{weights.Name}': {dropped.Count} domain(s) match no training domain: {string.Join(", ", dropped.Select(d => $"'{d}' (→ '{DomainNameMatching.Normalize(d)}')"))}. "
                + $"The training domains are {string.Join(", ", domains.Select(d => $"'{d}' (→ '{DomainNameMatching.Normalize(d)}')"))}. "
                + "Names are compared after lower-casing, removing prefixes such as w_/h_/loss_/train_the_pile_ and every character other than letters and digits; "
                + "rename the domains or use UnmatchedDomainPolicy.DropAndRenormalize.");
        if (!(aligned.Sum() > 0))
            throw new ArgumentException($"Weights '{weights.Name}': no weight is left on the training domains ({string.Join(", ", domains)}).");
        return new MixtureBaseline(weights.Name, aligned, weights.Source)
        {
            DroppedDomains = dropped.ToImmutableArray(),
            DroppedWeight = droppedWeight,
            MissingDomains = Enumerable.Range(0, domains.Count).Where(j => matchedBy[j] is null).Select(j => domains[j]).ToImmutableArray(),
        };
    }
}
