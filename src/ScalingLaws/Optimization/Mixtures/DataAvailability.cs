using System.Globalization;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// How much data a training domain has: Uⱼ unique tokens, seen at most <see cref="MaxEpochs"/> times, so
/// hⱼ·D ≤ Uⱼ·MaxEpochs at a budget of D tokens. With <see cref="RepetitionPricing"/> the same Uⱼ also prices
/// repeated epochs.
/// </summary>
public sealed record DataAvailability
{
    /// <summary>Creates an availability limit.</summary>
    /// <param name="domain">Training domain name.</param>
    /// <param name="uniqueTokens">Uⱼ, unique tokens, &gt; 0.</param>
    /// <param name="maxEpochs">Largest number of passes, &gt; 0 (may be +∞ when only repetition pricing is wanted); default 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public DataAvailability(string domain, double uniqueTokens, double maxEpochs = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        if (!(uniqueTokens > 0) || !double.IsFinite(uniqueTokens))
            throw new ArgumentOutOfRangeException(nameof(uniqueTokens), uniqueTokens, string.Create(CultureInfo.InvariantCulture, $"Unique tokens of '{domain}' must be positive and finite (got {uniqueTokens})."));
        if (!(maxEpochs > 0))
            throw new ArgumentOutOfRangeException(nameof(maxEpochs), maxEpochs, string.Create(CultureInfo.InvariantCulture, $"Max epochs of '{domain}' must be positive (got {maxEpochs})."));
        Domain = domain;
        UniqueTokens = uniqueTokens;
        MaxEpochs = maxEpochs;
    }

    /// <summary>Training domain name.</summary>
    public string Domain { get; }

    /// <summary>Uⱼ, unique tokens.</summary>
    public double UniqueTokens { get; }

    /// <summary>Largest number of passes over the domain's data.</summary>
    public double MaxEpochs { get; }

    /// <summary>The largest weight allowed at <paramref name="tokens"/> total tokens: min(1, Uⱼ·MaxEpochs/D).</summary>
    /// <param name="tokens">D, total training tokens.</param>
    public double MaxWeight(double tokens) => Math.Min(1, UniqueTokens * MaxEpochs / tokens);
}
