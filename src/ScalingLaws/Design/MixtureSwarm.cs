using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Solvers;

namespace ScalingLaws.Design;

/// <summary>
/// A seeded swarm of mixtures around a prior (RegMix's generator, with olmix's bounds, pins and repetition caps).
/// Each draw: pick a strength s uniformly from <see cref="SwarmOptions.StrengthLevels"/> log-spaced values in
/// [s_min, s_max]; draw x ~ Dirichlet(s·c) over the free (not pinned) domains, c = p^τ/Σp^τ restricted to them;
/// zero the shares below the minimum weight and renormalise x; set hᵢ = lᵢ + S·xᵢ with S = 1 − Σ pinned − Σ lᵢ
/// (so every lower bound holds); reject the draw if some hᵢ exceeds its upper bound min(uᵢ, Uᵢ·E/D), or lies within
/// the minimum L1 distance of a mixture already kept. Draws stop when K mixtures are kept.
/// </summary>
public static class MixtureSwarm
{
    /// <summary>The K mixtures, each on the simplex (in <see cref="SwarmOptions.Domains"/> order), in draw order.</summary>
    /// <param name="options">Settings.</param>
    /// <exception cref="ArgumentException">An option is out of range, the bounds leave no feasible mixture, or fewer than K
    /// distinct feasible mixtures were found within the allowed draws.</exception>
    public static ImmutableArray<ImmutableArray<double>> Generate(SwarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (lower, upper) = Bounds(options);
        int k = options.Domains.Length;
        var pinned = new bool[k];
        double pinnedMass = 0;
        for (int i = 0; i < k; i++)
            if (options.Pinned.TryGetValue(options.Domains[i], out double v)) { pinned[i] = true; pinnedMass += v; }
        var centre = Centre(options, pinned);
        double slack = 1 - pinnedMass - Enumerable.Range(0, k).Where(i => !pinned[i]).Sum(i => lower[i]);
        var strengths = Strengths(options);
        var random = new Random(SeedSequence.Derive(options.Seed, 0, 0x5157));
        var kept = new List<ImmutableArray<double>>(options.Count);
        var x = new double[k];
        long draws = (long)options.Count * options.Oversampling;
        for (long draw = 0; draw < draws && kept.Count < options.Count; draw++)
        {
            double s = strengths[random.Next(strengths.Length)];
            double sum = 0;
            for (int i = 0; i < k; i++)
            {
                x[i] = pinned[i] || centre[i] == 0 ? 0 : DirichletSampler.Gamma(random, s * centre[i]);
                sum += x[i];
            }
            if (!(sum > 0) || !double.IsFinite(sum)) continue;
            for (int i = 0; i < k; i++) x[i] /= sum;
            if (options.MinimumWeight > 0)
            {
                sum = 0;
                for (int i = 0; i < k; i++) { if (x[i] * slack < options.MinimumWeight) x[i] = 0; sum += x[i]; }
                if (!(sum > 0)) continue;
                for (int i = 0; i < k; i++) x[i] /= sum;
            }
            var h = new double[k];
            bool feasible = true;
            for (int i = 0; i < k && feasible; i++)
            {
                h[i] = pinned[i] ? options.Pinned[options.Domains[i]] : lower[i] + slack * x[i];
                feasible = h[i] <= upper[i] + 1e-12;
            }
            if (!feasible) continue;
            for (int i = 0; i < k; i++) h[i] = Math.Min(h[i], upper[i]);
            if (kept.Any(m => Distance(m, h) < options.MinimumDistance)) continue;
            kept.Add(ImmutableArray.Create(h));
        }
        if (kept.Count < options.Count)
            throw new ArgumentException(
                $"Only {kept.Count} of {options.Count} mixtures were found in {draws} draws: the bounds, caps or minimum distance {options.MinimumDistance} " +
                "leave too little room (loosen them, lower the count, or raise the oversampling).");
        return kept.ToImmutableArray();
    }

    /// <summary>
    /// The effective per-domain bounds every mixture satisfies: lower lᵢ (or the pinned share), upper
    /// min(uᵢ, Uᵢ·E/D, 1) (or the pinned share).
    /// </summary>
    /// <param name="options">Settings.</param>
    /// <exception cref="ArgumentException">An option is out of range or the bounds leave no feasible mixture.</exception>
    public static (ImmutableArray<double> Lower, ImmutableArray<double> Upper) Bounds(SwarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        int k = options.Domains.Length;
        var lower = new double[k];
        var upper = new double[k];
        for (int i = 0; i < k; i++)
        {
            string d = options.Domains[i];
            lower[i] = options.LowerBounds.GetValueOrDefault(d, 0);
            upper[i] = Math.Min(1, options.UpperBounds.GetValueOrDefault(d, 1));
            if (options.AvailableTokens.TryGetValue(d, out double u))
                upper[i] = Math.Min(upper[i], u * options.MaxEpochs / options.TargetTokens!.Value);
            if (options.Pinned.TryGetValue(d, out double p))
            {
                if (p > upper[i] + 1e-12 || p < lower[i] - 1e-12)
                    throw new ArgumentException($"Domain '{d}' is pinned at {p} but its bounds are [{lower[i]}, {upper[i]}] (with availability caps).");
                lower[i] = upper[i] = p;
            }
            if (lower[i] > upper[i] + 1e-12)
                throw new ArgumentException($"Domain '{d}': the lower bound {lower[i]} exceeds the upper bound {upper[i]} (with availability caps): no feasible mixture.");
        }
        double minimum = lower.Sum(), maximum = upper.Sum();
        if (minimum > 1 + 1e-12)
            throw new ArgumentException($"The minimum shares (lower bounds and pinned shares) sum to {minimum}, above 1: no mixture satisfies them.");
        if (maximum < 1 - 1e-12)
            throw new ArgumentException($"The maximum shares (upper bounds, availability caps and pinned shares) sum to {maximum}, below 1: no mixture satisfies them.");
        return (ImmutableArray.Create(lower), ImmutableArray.Create(upper));
    }

    /// <summary>The L1 distance Σ|aᵢ − bᵢ|.</summary>
    internal static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double d = 0;
        for (int i = 0; i < a.Count; i++) d += Math.Abs(a[i] - b[i]);
        return d;
    }

    private static double[] Centre(SwarmOptions options, bool[] pinned)
    {
        int k = options.Domains.Length;
        var prior = options.Prior.IsDefaultOrEmpty ? Enumerable.Repeat(1.0, k).ToArray() : options.Prior.ToArray();
        var centre = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) { centre[i] = pinned[i] ? 0 : Math.Pow(prior[i], options.Temperature); sum += centre[i]; }
        if (!(sum > 0) && pinned.Any(p => !p))
            throw new ArgumentException("The prior gives zero weight to every domain that is not pinned.");
        for (int i = 0; i < k; i++) centre[i] = sum > 0 ? centre[i] / sum : 0;
        return centre;
    }

    private static double[] Strengths(SwarmOptions options)
    {
        int n = options.StrengthLevels;
        double lo = Math.Log(options.MinimumStrength), hi = Math.Log(options.MaximumStrength);
        return Enumerable.Range(0, n).Select(i => n == 1 ? options.MinimumStrength : Math.Exp(lo + (hi - lo) * i / (n - 1))).ToArray();
    }

    private static void Validate(SwarmOptions options)
    {
        int k = options.Domains.IsDefaultOrEmpty ? 0 : options.Domains.Length;
        if (k == 0) throw new ArgumentException("A swarm needs at least one domain.");
        if (options.Domains.Distinct(StringComparer.Ordinal).Count() != k) throw new ArgumentException("The domain names repeat.");
        if (options.Count < 1) throw new ArgumentException($"The number of mixtures must be at least 1 (got {options.Count}).");
        if (!(options.Temperature > 0) || !double.IsFinite(options.Temperature))
            throw new ArgumentException($"The temperature must be a finite number > 0 (got {options.Temperature}).");
        if (!(options.MinimumStrength > 0) || !(options.MaximumStrength >= options.MinimumStrength) || !double.IsFinite(options.MaximumStrength))
            throw new ArgumentException($"The Dirichlet strengths need 0 < minimum ≤ maximum < ∞ (got {options.MinimumStrength} and {options.MaximumStrength}).");
        if (options.StrengthLevels < 1) throw new ArgumentException($"At least one strength level is needed (got {options.StrengthLevels}).");
        if (!(options.MinimumWeight >= 0 && options.MinimumWeight < 1)) throw new ArgumentException($"The minimum weight must lie in [0, 1) (got {options.MinimumWeight}).");
        if (!(options.MinimumDistance >= 0) || !double.IsFinite(options.MinimumDistance)) throw new ArgumentException($"The minimum distance must be a finite number ≥ 0 (got {options.MinimumDistance}).");
        if (options.Oversampling < 1) throw new ArgumentException($"The oversampling must be at least 1 (got {options.Oversampling}).");
        if (!options.Prior.IsDefaultOrEmpty)
        {
            if (options.Prior.Length != k) throw new ArgumentException($"The prior has {options.Prior.Length} values for {k} domains.");
            for (int i = 0; i < k; i++)
                if (!(options.Prior[i] >= 0) || !double.IsFinite(options.Prior[i]))
                    throw new ArgumentException($"The prior weight of '{options.Domains[i]}' must be a finite number ≥ 0 (got {options.Prior[i]}).");
        }
        CheckShares(options.LowerBounds, options.Domains, "lower bound");
        CheckShares(options.UpperBounds, options.Domains, "upper bound");
        CheckShares(options.Pinned, options.Domains, "pinned share");
        foreach (var (d, u) in options.AvailableTokens)
        {
            if (!options.Domains.Contains(d)) throw new ArgumentException($"Available tokens are given for '{d}', which is not a domain ({string.Join(", ", options.Domains)}).");
            if (!(u >= 0) || !double.IsFinite(u)) throw new ArgumentException($"The available tokens of '{d}' must be a finite number ≥ 0 (got {u}).");
        }
        if (options.AvailableTokens.Count > 0 && !(options.TargetTokens is double t && t > 0 && double.IsFinite(t)))
            throw new ArgumentException("Availability caps need the target token count D > 0 at which they apply.");
        if (!(options.MaxEpochs > 0) || !double.IsFinite(options.MaxEpochs)) throw new ArgumentException($"The repetition limit must be a finite number of epochs > 0 (got {options.MaxEpochs}).");
    }

    private static void CheckShares(ImmutableDictionary<string, double> values, ImmutableArray<string> domains, string what)
    {
        foreach (var (d, v) in values)
        {
            if (!domains.Contains(d)) throw new ArgumentException($"A {what} is given for '{d}', which is not a domain ({string.Join(", ", domains)}).");
            if (!(v >= 0 && v <= 1)) throw new ArgumentException($"The {what} of '{d}' must lie in [0, 1] (got {v}).");
        }
    }
}
