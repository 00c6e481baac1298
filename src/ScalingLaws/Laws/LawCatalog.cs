using System.Collections.Immutable;

using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// The built-in laws by name: the one place where a law name given as text is mapped to a law.
/// Names are matched case-insensitively after trimming.
/// </summary>
public static class LawCatalog
{
    private static readonly ImmutableArray<string> ExampleDomains = ["h_1", "h_2"];

    private sealed record Definition(string Name, string Summary, string GeneralForm, bool RequiresDomains,
        Func<IReadOnlyList<string>, IScalingLaw> Factory);

    private static readonly ImmutableArray<Definition> Definitions =
    [
        new("chinchilla", "Loss in model size and tokens with an irreducible term (Hoffmann et al. 2022)",
            "L = E + A/N^α + B/D^β, fitted as exp(e) + exp(a − α log N) + exp(b − β log D)", false, _ => new ChinchillaLaw()),
        new("kaplan", "Loss in non-embedding parameters and tokens without an irreducible term (Kaplan et al. 2020)",
            "L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D", false, _ => new KaplanLaw()),
        new("power", "Saturating power law in one variable: step, size or learning-curve laws (Hestness et al. 2017; Ye et al. 2025)",
            "L = c + (k/x)^α = exp(log_c) + exp(α(log_k − log x))", false, _ => new PowerLaw()),
        new("data-constrained", "Loss with repeated data: effective tokens and effective parameters (Muennighoff et al. 2023)",
            "L = E + A/N′^α + B/D′^β, D′ = U + U·R*_D(1 − e^(−R_D/R*_D)), N′ = U_N + U_N·R*_N(1 − e^(−R_N/R*_N))", false, _ => new DataConstrainedLaw()),
        new("overtraining", "Loss in compute and tokens per parameter (Gadre et al. 2024)",
            "L = E + (a·M^η + b·M^(−η))·C^(−η)", false, _ => new OvertrainingLaw()),
        new("dcpt", "Continual pre-training loss in size, tokens and mixture share (Que et al. 2024, L3)",
            "L = E + A/N^α + B·r^η/D^β + C/(r + ε)^γ", false, _ => new DcptLaw()),
        new("dcpt-cross-domain", "D-CPT law with a domain-specific learnable coefficient K (Que et al. 2024)",
            "L = E + A/N^α + B·r^η/D^β + C/(r + ε)^γ + F/K^μ", false, _ => new DcptCrossDomainLaw()),
        new("cmr-ratio", "Loss against domain share at a fixed budget (Gu et al. 2024)",
            "L(R) = α·R^s + β", false, _ => new CmrRatioLaw()),
        new("cmr-tokens", "Critical mixture ratio against token budget (Gu et al. 2024)",
            "R_CMR(T) = a·T^s + b", false, _ => new CmrTokensLaw()),
        new("data-mixing", "Per-domain loss against training-domain weights (Ye et al. 2025)",
            "L_i(r) = c_i + k_i·exp(Σ_j t_ij·r_j); on the simplex only differences of the t's matter, so the t of a reference domain (the largest mean share in the fitted data) is fixed at 0 and every other t_j is relative to it", true, domains => new DataMixingLaw(domains)),
        new("mixture-additive", "Loss in size, tokens and domain weights, additive in the weights (Shukor et al. 2025)",
            "L = E + 1/(Σ_i C_i·(k·h_i)^γ_i) + A/N^α + B/D^β", true, domains => new MixtureAdditiveLaw(domains)),
        new("mixture-joint", "Loss in size, tokens and domain weights, weights also scale A and B (Shukor et al. 2025)",
            "L = E + 1/(Σ_i C_i·(k·h_i)^γ_i) + A·(h_1 + Σ_{i≥2} a_i·h_i)^γ^A/N^α + B·(h_1 + Σ_{i≥2} b_i·h_i)^γ^B/D^β", true, domains => new MixtureJointLaw(domains)),
        new("bimix", "Per-domain loss in the domain's share and training steps (Ge et al. 2024)",
            "L_i = r_i^(−α)·(B·s^(−β) + C)", false, _ => new BiMixLaw()),
        new("multilingual", "Per-task loss in model size and task weight (Fernandes et al. 2023)",
            "L = β·(f(p)·N)^(−α) + L_∞, f(p) = p + c₁·p^c₂·(1 − p)^c₃", false, _ => new MultilingualLaw()),
    ];

    /// <summary>The entries, built on first use (a race builds equal lists): creating every law is most of listing them, and a fit needs only its own.</summary>
    private static ImmutableArray<LawCatalogEntry> _entries;

    private static LawCatalogEntry Entry(Definition d) => new(d.Name, d.Summary, d.GeneralForm, d.RequiresDomains, d.Factory(ExampleDomains));

    /// <summary>The catalogue names, in catalogue order.</summary>
    public static ImmutableArray<string> Names { get; } = [.. Definitions.Select(d => d.Name)];

    /// <summary>Every catalogue entry, in catalogue order.</summary>
    public static ImmutableArray<LawCatalogEntry> Entries => _entries.IsDefault ? _entries = [.. Definitions.Select(Entry)] : _entries;

    /// <summary>Whether <paramref name="name"/> names a built-in law.</summary>
    public static bool Contains(string name) => Find(name) is not null;

    /// <summary>Whether the law named <paramref name="name"/> needs domain-weight columns.</summary>
    /// <exception cref="ArgumentException">The name is unknown (the message lists the known names).</exception>
    public static bool RequiresDomains(string name) => Get(name).RequiresDomains;

    /// <summary>Creates the law named <paramref name="name"/>.</summary>
    /// <param name="name">A catalogue name (case-insensitive), e.g. <c>chinchilla</c>.</param>
    /// <param name="domains">The domain-weight columns; required by <c>data-mixing</c>, <c>mixture-additive</c>
    /// and <c>mixture-joint</c>, ignored by the others.</param>
    /// <exception cref="ArgumentException">The name is unknown (the message suggests the closest known name and
    /// lists all), or a mixture law is asked for without domains, or the domains are invalid.</exception>
    public static IScalingLaw Create(string name, IReadOnlyList<string>? domains = null)
    {
        var definition = Get(name);
        if (definition.RequiresDomains && (domains is null || domains.Count == 0))
            throw new ArgumentException(
                $"Law '{definition.Name}' needs the list of domain-weight columns (e.g. h_web, h_code); none was given.",
                nameof(domains));
        return definition.Factory(domains ?? []);
    }

    /// <summary>The catalogue entry for <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is unknown (the message lists the known names).</exception>
    public static LawCatalogEntry Describe(string name) => Entry(Get(name));

    private static Definition? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim();
        foreach (var d in Definitions)
            if (string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase)) return d;
        return null;
    }

    private static Definition Get(string name)
    {
        var definition = Find(name);
        if (definition is not null) return definition;
        string? closest = ClosestName.Find(name, Names);
        string hint = closest is null ? "" : $" Did you mean '{closest}'?";
        throw new ArgumentException($"Unknown law '{name}'.{hint} Known laws: {string.Join(", ", Names)}.", nameof(name));
    }
}
