using System.Collections.Immutable;

namespace ScalingLaws.Design;

/// <summary>
/// Settings of a mixture swarm (<see cref="MixtureSwarm"/>): K mixtures drawn from a Dirichlet around a
/// prior, with bounds, pinned shares, availability caps and de-duplication. The defaults are RegMix's
/// generator (sail-sg/regmix <c>mixture_config/synthesize_mixture.py</c>) except the temperature, the
/// minimum weight and the caps, which RegMix sets to 0.5, 2·10⁻⁴ and 15 epochs of the natural share.
/// </summary>
public sealed record SwarmOptions
{
    /// <summary>The domain-weight column names, in order. Required.</summary>
    public required ImmutableArray<string> Domains { get; init; }

    /// <summary>Number of mixtures K. Default 64.</summary>
    public int Count { get; init; } = 64;

    /// <summary>
    /// Prior p over the domains (non-negative, normalised here): uniform, natural token shares or given weights.
    /// Empty (default): uniform.
    /// </summary>
    public ImmutableArray<double> Prior { get; init; } = ImmutableArray<double>.Empty;

    /// <summary>Temperature τ &gt; 0: the Dirichlet is centred on p^τ / Σ p^τ (τ &lt; 1 flattens the prior). Default 1.</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Smallest Dirichlet strength s (concentration α = s·centre). Default 0.1, as RegMix.</summary>
    public double MinimumStrength { get; init; } = 0.1;

    /// <summary>Largest Dirichlet strength s. Default 5, as RegMix.</summary>
    public double MaximumStrength { get; init; } = 5;

    /// <summary>
    /// Number of log-spaced strengths between the smallest and largest; each mixture uses one of them chosen
    /// uniformly at random. Default 15, as RegMix.
    /// </summary>
    public int StrengthLevels { get; init; } = 15;

    /// <summary>Weights below this share are set to zero and the rest renormalised (RegMix: 2·10⁻⁴). Default 0.</summary>
    public double MinimumWeight { get; init; }

    /// <summary>Per-domain lower bounds on the share (by domain name). Default none (0).</summary>
    public ImmutableDictionary<string, double> LowerBounds { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Per-domain upper bounds on the share (by domain name). Default none (1).</summary>
    public ImmutableDictionary<string, double> UpperBounds { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Shares fixed in every mixture (by domain name), e.g. a reused mixture's share. Default none.</summary>
    public ImmutableDictionary<string, double> Pinned { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>
    /// Unique tokens available per domain (by domain name); with <see cref="TargetTokens"/> D each share is capped at
    /// U·<see cref="MaxEpochs"/>/D, so a run of D tokens repeats no domain more than the limit. Default none.
    /// </summary>
    public ImmutableDictionary<string, double> AvailableTokens { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>Repetition limit: epochs allowed over a domain's unique tokens. Default 1.</summary>
    public double MaxEpochs { get; init; } = 1;

    /// <summary>Token count D at which the availability caps apply (the target run). Required with <see cref="AvailableTokens"/>.</summary>
    public double? TargetTokens { get; init; }

    /// <summary>
    /// Minimum L1 distance Σ|hᵢ − h′ᵢ| between any two mixtures of the swarm; a draw closer to a kept mixture is
    /// discarded. Default 10⁻⁵, as RegMix.
    /// </summary>
    public double MinimumDistance { get; init; } = 1e-5;

    /// <summary>Draws allowed per requested mixture before giving up (RegMix draws 100·K). Default 100.</summary>
    public int Oversampling { get; init; } = 100;

    /// <summary>Seed of every random draw; the swarm is a function of the options. Default 0.</summary>
    public int Seed { get; init; }
}
