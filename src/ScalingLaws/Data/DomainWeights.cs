using System.Collections.Immutable;

namespace ScalingLaws.Data;

/// <summary>
/// A named vector of domain weights, such as the output of a reweighting method (DoReMi, DoGE) or a
/// baseline mixture, to be evaluated as a fixed mixture h.
/// </summary>
public sealed record DomainWeights
{
    /// <summary>Creates a weight vector.</summary>
    /// <param name="name">Name, e.g. the config file name.</param>
    /// <param name="weights">Domain → weight, in the order the source lists them.</param>
    /// <param name="source">Where the weights were read from; empty when built in code.</param>
    /// <exception cref="ArgumentException">No weights, a repeated domain, or a weight that is negative or not finite.</exception>
    public DomainWeights(string name, IEnumerable<KeyValuePair<string, double>> weights, string source = "")
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(weights);
        var list = weights.ToList();
        if (list.Count == 0) throw new ArgumentException($"Domain weights '{name}' are empty.", nameof(weights));
        var builder = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (domain, weight) in list)
        {
            if (!double.IsFinite(weight) || weight < 0)
                throw new ArgumentException($"Weight of '{domain}' in '{name}' is {Invariant.Format(weight)}; weights must be finite and ≥ 0.", nameof(weights));
            if (!builder.TryAdd(domain, weight))
                throw new ArgumentException($"Domain '{domain}' appears twice in '{name}'.", nameof(weights));
        }
        Name = name;
        Source = source;
        Domains = list.Select(p => p.Key).ToImmutableArray();
        Weights = builder.ToImmutable();
    }

    /// <summary>Name, e.g. the config file name without extension.</summary>
    public string Name { get; }

    /// <summary>Where the weights were read from; empty when built in code.</summary>
    public string Source { get; }

    /// <summary>The domains in source order.</summary>
    public ImmutableArray<string> Domains { get; }

    /// <summary>Domain → weight.</summary>
    public ImmutableDictionary<string, double> Weights { get; }

    /// <summary>Sum of the weights (published vectors sum to 1 up to rounding).</summary>
    public double Sum => Domains.Sum(d => Weights[d]);

    /// <summary>The same weights divided by their sum.</summary>
    /// <exception cref="InvalidOperationException">All weights are zero.</exception>
    public DomainWeights Normalized()
    {
        double sum = Sum;
        if (sum <= 0) throw new InvalidOperationException($"Domain weights '{Name}' are all zero.");
        return new DomainWeights(Name, Domains.Select(d => KeyValuePair.Create(d, Weights[d] / sum)), Source);
    }
}
