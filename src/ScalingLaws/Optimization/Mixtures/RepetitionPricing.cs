using System.Globalization;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// Prices repeated data into a mixture with Muennighoff et al.'s effective data: a domain with Uⱼ unique
/// tokens (from <see cref="MixtureProblem.Availability"/>) trained on hⱼ·D tokens contributes
/// D′ⱼ = Uⱼ + Uⱼ·R*_D·(1 − exp(−Rⱼ/R*_D)) with Rⱼ = max(hⱼ·D/Uⱼ − 1, 0) repeated epochs (D′ⱼ = hⱼ·D when
/// nothing repeats; domains without availability never repeat). The laws then see the effective tokens
/// D′ = Σⱼ D′ⱼ and the effective weights h′ⱼ = D′ⱼ/D′ (Muennighoff's substitution of D′ for D, applied per
/// domain). D′ⱼ is continuously differentiable in hⱼ. A law that does not read D (such as <c>data-mixing</c>,
/// fitted at one D) sees only the shift in proportions, so a single heavily repeated domain is not penalised;
/// for such laws bound the repetition with <see cref="DataAvailability.MaxEpochs"/> instead.
/// </summary>
public sealed record RepetitionPricing
{
    /// <summary>Muennighoff et al.'s fitted R*_D = 15.387756 epochs.</summary>
    public const double PublishedDecayEpochs = 15.387756;

    /// <summary>Creates the pricing.</summary>
    /// <param name="decayEpochs">R*_D, the decay constant of the value of repeated epochs, &gt; 0; default 15.387756.</param>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and finite.</exception>
    public RepetitionPricing(double decayEpochs = PublishedDecayEpochs)
    {
        if (!(decayEpochs > 0) || !double.IsFinite(decayEpochs))
            throw new ArgumentOutOfRangeException(nameof(decayEpochs), decayEpochs, string.Create(CultureInfo.InvariantCulture, $"R*_D must be positive and finite (got {decayEpochs})."));
        DecayEpochs = decayEpochs;
    }

    /// <summary>The published pricing (R*_D = 15.387756).</summary>
    public static RepetitionPricing Published { get; } = new();

    /// <summary>R*_D in epochs.</summary>
    public double DecayEpochs { get; }

    /// <summary>The pricing of a fitted data-constrained law (its <c>R_D_star</c>).</summary>
    /// <param name="fit">A fit of <see cref="DataConstrainedLaw"/>.</param>
    /// <exception cref="ArgumentException">The law has no <c>R_D_star</c> parameter.</exception>
    public static RepetitionPricing FromFit(FittedLaw fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        int j = fit.Law.Parameters.Select(p => p.Name).ToList().IndexOf("R_D_star");
        if (j < 0) throw new ArgumentException($"Law '{fit.Law.Name}' has no parameter 'R_D_star'; fit the 'data-constrained' law.", nameof(fit));
        return new RepetitionPricing(fit.Parameters[j]);
    }

    /// <summary>D′ⱼ, the effective tokens of <paramref name="tokens"/> tokens drawn from <paramref name="uniqueTokens"/> unique ones.</summary>
    /// <param name="tokens">hⱼ·D, tokens trained on.</param>
    /// <param name="uniqueTokens">Uⱼ.</param>
    public double EffectiveTokens(double tokens, double uniqueTokens) => EffectiveTokens(tokens, uniqueTokens, out _);

    /// <summary>D′ⱼ and dD′ⱼ/d(tokens).</summary>
    internal double EffectiveTokens(double tokens, double uniqueTokens, out double derivative)
    {
        if (tokens <= uniqueTokens) { derivative = 1; return tokens; }
        double repeats = tokens / uniqueTokens - 1;
        double decay = Math.Exp(-repeats / DecayEpochs);
        derivative = decay;
        return uniqueTokens + uniqueTokens * DecayEpochs * (1 - decay);
    }
}
