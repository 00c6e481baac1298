using System.Collections.Immutable;
using System.Globalization;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// The objective of a mixture optimisation, in terms of the model's named losses: one target loss, a
/// weighted sum Σ wᵢLᵢ (weights as given, not rescaled), or the worst loss maxᵢ Lᵢ.
/// </summary>
public sealed record MixtureObjective
{
    private MixtureObjective(ObjectiveKind kind, ImmutableArray<string> losses, ImmutableArray<double> weights)
    {
        Kind = kind;
        Losses = losses;
        Weights = weights;
    }

    /// <summary>Target, weighted sum or worst.</summary>
    public ObjectiveKind Kind { get; }

    /// <summary>The losses involved; empty for <see cref="ObjectiveKind.Worst"/> over every loss of the model.</summary>
    public ImmutableArray<string> Losses { get; }

    /// <summary>Weight of each loss in <see cref="Losses"/> (1 for a target and for worst).</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>Minimise one loss.</summary>
    /// <param name="loss">Loss name, e.g. <c>loss_pile_cc</c>.</param>
    public static MixtureObjective Target(string loss)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(loss);
        return new(ObjectiveKind.Target, [loss], [1.0]);
    }

    /// <summary>Minimise Σᵢ wᵢ·Lᵢ.</summary>
    /// <param name="weights">Loss name → weight (finite, ≥ 0, not all 0).</param>
    /// <exception cref="ArgumentException">No weights, or a weight is negative or not finite, or all are 0.</exception>
    public static MixtureObjective WeightedSum(IEnumerable<KeyValuePair<string, double>> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var list = weights.ToList();
        if (list.Count == 0) throw new ArgumentException("A weighted sum needs at least one loss.", nameof(weights));
        foreach (var (name, w) in list)
            if (!double.IsFinite(w) || w < 0)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The weight of loss '{name}' is {w}; weights must be finite and ≥ 0."), nameof(weights));
        if (!(list.Sum(p => p.Value) > 0)) throw new ArgumentException("All objective weights are 0.", nameof(weights));
        return new(ObjectiveKind.WeightedSum, list.Select(p => p.Key).ToImmutableArray(), list.Select(p => p.Value).ToImmutableArray());
    }

    /// <summary>Minimise the worst loss maxᵢ Lᵢ.</summary>
    /// <param name="losses">The losses; null or empty for every loss of the model.</param>
    public static MixtureObjective Worst(IEnumerable<string>? losses = null)
    {
        var list = (losses ?? []).ToImmutableArray();
        return new(ObjectiveKind.Worst, list, list.Select(_ => 1.0).ToImmutableArray());
    }

    /// <summary>
    /// The weighted sum with validation-set weights (e.g. Data Mixing Laws' <c>valid_weight.json</c>, read with
    /// <c>PileDomainGroups.ReadValidWeights</c>), matching each validation domain to a loss name by
    /// <see cref="DomainNameMatching.Normalize"/> (so <c>Pile-CC</c> matches <c>loss_pile_cc</c>). Validation
    /// domains without a loss are left out and the remaining weights rescaled to sum to 1, unless
    /// <paramref name="requireAll"/>.
    /// </summary>
    /// <param name="validationWeights">Validation domain → weight.</param>
    /// <param name="lossNames">The model's loss names.</param>
    /// <param name="requireAll">Throw when a validation domain has no loss; default false.</param>
    /// <exception cref="ArgumentException">No domain matches, or (with <paramref name="requireAll"/>) one does not.</exception>
    public static MixtureObjective FromValidationWeights(IReadOnlyDictionary<string, double> validationWeights, IEnumerable<string> lossNames,
        bool requireAll = false)
    {
        ArgumentNullException.ThrowIfNull(validationWeights);
        ArgumentNullException.ThrowIfNull(lossNames);
        var names = lossNames.ToList();
        var matched = new List<KeyValuePair<string, double>>();
        var missing = new List<string>();
        foreach (var (domain, w) in validationWeights.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            int i = DomainNameMatching.Find(domain, names);
            if (i < 0) missing.Add(domain); else matched.Add(KeyValuePair.Create(names[i], w));
        }
        if (matched.Count == 0 || (requireAll && missing.Count > 0))
            throw new ArgumentException(
                $"Validation domain(s) {string.Join(", ", (matched.Count == 0 ? validationWeights.Keys : missing).Select(d => $"'{d}'"))} match no loss; the losses are {string.Join(", ", names)}.");
        double sum = matched.Sum(p => p.Value);
        return WeightedSum(matched.Select(p => KeyValuePair.Create(p.Key, p.Value / sum)));
    }

    /// <summary>A short description, e.g. <c>minimise loss_pile_cc</c> or <c>minimise 0.5·a + 0.5·b</c>.</summary>
    public string Describe() => Kind switch
    {
        ObjectiveKind.Target => "minimise " + Losses[0],
        ObjectiveKind.WeightedSum => "minimise " + string.Join(" + ", Losses.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{Weights[i]:G4}·{l}"))),
        _ => Losses.IsEmpty ? "minimise the worst loss" : "minimise max(" + string.Join(", ", Losses) + ")",
    };
}
