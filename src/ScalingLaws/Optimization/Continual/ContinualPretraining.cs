using System.Collections.Immutable;
using System.Globalization;

using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Mixtures;
using ScalingLaws.Optimization.Solvers;

namespace ScalingLaws.Optimization.Continual;

/// <summary>
/// Decisions for continual pre-training (CPT) on a mixture of a general corpus and a domain corpus, from
/// fitted laws of the domain loss and the general loss (D-CPT, Que et al. 2024; CMR, Gu et al. 2024):
/// D-CPT's three usages (<see cref="TradeOff(FittedLaw, FittedLaw, double, double, double, LossTolerance, ContinualPretrainingOptions?)"/>,
/// <see cref="LimitedDomainData"/>, <see cref="Allocate"/>), the critical mixture ratio and its curve against tokens,
/// and the Pareto front between the two losses.
/// </summary>
/// <remarks>
/// The laws read the domain share through <see cref="ContinualPretrainingOptions.ShareVariable"/> (r), and
/// optionally N and D. The domain law is evaluated at r_d; the general law at r_g = 1 − r_d (as D-CPT fits
/// it) unless <see cref="ContinualPretrainingOptions.GeneralLawUsesDomainShare"/>. One-dimensional choices
/// scan <see cref="ContinualPretrainingOptions.ScanPoints"/> shares, bisect the general-loss limit where the
/// best feasible scanned share borders an infeasible one (to 10⁻¹² in r), and refine the domain loss with
/// Brent's method inside the feasible bracket.
/// </remarks>
public static class ContinualPretraining
{
    /// <summary>
    /// D-CPT usage 1: the domain share minimising the domain loss subject to the general loss staying within
    /// the tolerance of its value before CPT, L_g ≤ (1 + T)·L_g⁰ (relative) or L_g⁰ + ε (absolute), at N and D.
    /// </summary>
    /// <param name="domainLaw">Fitted law of the domain loss.</param>
    /// <param name="generalLaw">Fitted law of the general loss.</param>
    /// <param name="modelSize">N.</param>
    /// <param name="tokens">D, CPT tokens.</param>
    /// <param name="preTrainingGeneralLoss">L_g⁰, the general loss before CPT.</param>
    /// <param name="tolerance">The allowed rise, e.g. <c>LossTolerance.Relative(0.03)</c>.</param>
    /// <param name="options">Options.</param>
    public static ContinualPretrainingChoice TradeOff(FittedLaw domainLaw, FittedLaw generalLaw, double modelSize, double tokens,
        double preTrainingGeneralLoss, LossTolerance tolerance, ContinualPretrainingOptions? options = null)
    {
        options ??= ContinualPretrainingOptions.Default;
        options.Validate();
        var domain = Bind(domainLaw, options, general: false);
        var general = Bind(generalLaw, options, general: true);
        return Choose(r => domain(modelSize, tokens, r), r => general(modelSize, tokens, r), tolerance.Limit(preTrainingGeneralLoss),
            options, modelSize, tokens, null);
    }

    /// <summary>D-CPT usage 1 on any functions of the domain share.</summary>
    /// <param name="domainLoss">Domain loss as a function of r_d.</param>
    /// <param name="generalLoss">General loss as a function of r_d.</param>
    /// <param name="preTrainingGeneralLoss">L_g⁰.</param>
    /// <param name="tolerance">The allowed rise.</param>
    /// <param name="options">Options (scan and share range).</param>
    public static ContinualPretrainingChoice TradeOff(Func<double, double> domainLoss, Func<double, double> generalLoss, double preTrainingGeneralLoss,
        LossTolerance tolerance, ContinualPretrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(domainLoss);
        ArgumentNullException.ThrowIfNull(generalLoss);
        ArgumentNullException.ThrowIfNull(tolerance);
        options ??= ContinualPretrainingOptions.Default;
        options.Validate();
        return Choose(domainLoss, generalLoss, tolerance.Limit(preTrainingGeneralLoss), options, double.NaN, double.NaN, null);
    }

    /// <summary>
    /// D-CPT usage 2: with a fixed amount of domain data D_d, the domain share r_d minimising the domain loss
    /// when training on D = D_d/r_d tokens (all domain data used once), optionally subject to a general-loss limit.
    /// Shares below max(<see cref="ContinualPretrainingOptions.MinShare"/>, 10⁻³) are not considered.
    /// </summary>
    /// <param name="domainLaw">Fitted law of the domain loss.</param>
    /// <param name="modelSize">N.</param>
    /// <param name="domainTokens">D_d, the domain tokens available.</param>
    /// <param name="options">Options.</param>
    /// <param name="generalLaw">Fitted law of the general loss, to limit it; optional.</param>
    /// <param name="preTrainingGeneralLoss">L_g⁰ (with <paramref name="generalLaw"/>).</param>
    /// <param name="tolerance">The allowed rise (with <paramref name="generalLaw"/>); default absolute 0.05.</param>
    public static ContinualPretrainingChoice LimitedDomainData(FittedLaw domainLaw, double modelSize, double domainTokens,
        ContinualPretrainingOptions? options = null, FittedLaw? generalLaw = null, double? preTrainingGeneralLoss = null, LossTolerance? tolerance = null)
    {
        options ??= ContinualPretrainingOptions.Default;
        options.Validate();
        if (!(domainTokens > 0)) throw new ArgumentOutOfRangeException(nameof(domainTokens), domainTokens, "The domain tokens must be positive.");
        var domain = Bind(domainLaw, options, general: false);
        Func<double, double>? generalLoss = null;
        double limit = double.PositiveInfinity;
        if (generalLaw is not null)
        {
            if (preTrainingGeneralLoss is not double l0)
                throw new ArgumentException("A general-loss limit needs the general loss before CPT (preTrainingGeneralLoss).", nameof(preTrainingGeneralLoss));
            var general = Bind(generalLaw, options, general: true);
            generalLoss = r => general(modelSize, domainTokens / r, r);
            limit = (tolerance ?? LossTolerance.Default).Limit(l0);
        }
        var narrowed = options with { MinShare = Math.Max(options.MinShare, 1e-3) };
        var choice = Choose(r => domain(modelSize, domainTokens / r, r), generalLoss, limit, narrowed, modelSize, double.NaN, domainTokens);
        return choice;
    }

    /// <summary>D-CPT usage 3: the compute-optimal N and D for a CPT law at a fixed share r.</summary>
    /// <param name="law">Fitted law (reads N, D and the share).</param>
    /// <param name="share">The share r at which the law is evaluated (r_d for a domain-loss law, r_g for a general-loss law).</param>
    /// <param name="compute">C.</param>
    /// <param name="options">Allocation options; the share is added to <see cref="AllocationOptions.Fixed"/>.</param>
    /// <param name="shareVariable">The law's share variable; default <c>r</c>.</param>
    public static BudgetAllocation Allocate(FittedLaw law, double share, double compute, AllocationOptions? options = null, string shareVariable = "r")
    {
        ArgumentNullException.ThrowIfNull(law);
        options ??= AllocationOptions.Default;
        return BudgetAllocator.Optimize(law, compute, options with { Fixed = options.Fixed.SetItem(ShareName(law, shareVariable), share) });
    }

    /// <summary>
    /// The critical mixture ratio at (N, D): the largest domain share whose predicted general loss stays within
    /// the tolerance of L_g⁰ (Gu et al. 2024, Definition 3), via <see cref="CriticalMixtureRatio.Solve(Func{double, double}, double, LossTolerance?, int)"/>.
    /// </summary>
    /// <param name="generalLaw">Fitted law of the general loss.</param>
    /// <param name="modelSize">N.</param>
    /// <param name="tokens">D (the token budget).</param>
    /// <param name="preTrainingGeneralLoss">L_g⁰.</param>
    /// <param name="tolerance">Allowed rise; default absolute ε = 0.05.</param>
    /// <param name="options">Options.</param>
    public static CriticalMixtureRatioResult CriticalRatio(FittedLaw generalLaw, double modelSize, double tokens, double preTrainingGeneralLoss,
        LossTolerance? tolerance = null, ContinualPretrainingOptions? options = null)
    {
        options ??= ContinualPretrainingOptions.Default;
        options.Validate();
        var general = Bind(generalLaw, options, general: true);
        return CriticalMixtureRatio.Solve(r => general(modelSize, tokens, r), preTrainingGeneralLoss, tolerance, options.ScanPoints);
    }

    /// <summary>The critical mixture ratio against the token budget, solved from a general-loss law at each budget.</summary>
    /// <param name="generalLaw">Fitted law of the general loss (reads D).</param>
    /// <param name="modelSize">N.</param>
    /// <param name="tokens">Token budgets.</param>
    /// <param name="preTrainingGeneralLoss">L_g⁰.</param>
    /// <param name="tolerance">Allowed rise; default absolute ε = 0.05.</param>
    /// <param name="options">Options.</param>
    public static ImmutableArray<CriticalRatioPoint> CriticalRatioCurve(FittedLaw generalLaw, double modelSize, IEnumerable<double> tokens,
        double preTrainingGeneralLoss, LossTolerance? tolerance = null, ContinualPretrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Select(t =>
        {
            var result = CriticalRatio(generalLaw, modelSize, t, preTrainingGeneralLoss, tolerance, options);
            return new CriticalRatioPoint(t, result.Ratio, result);
        }).ToImmutableArray();
    }

    /// <summary>
    /// The critical mixture ratio against the token budget from a fitted CMR tokens law R_CMR(T) = a·T^s + b
    /// (<c>cmr-tokens</c>, one variable T), clamped to [0, 1].
    /// </summary>
    /// <param name="cmrTokensLaw">Fitted law with one variable, the token budget.</param>
    /// <param name="tokens">Token budgets, in the law's unit.</param>
    /// <exception cref="ArgumentException">The law does not have exactly one variable.</exception>
    public static ImmutableArray<CriticalRatioPoint> CriticalRatioCurve(FittedLaw cmrTokensLaw, IEnumerable<double> tokens)
    {
        ArgumentNullException.ThrowIfNull(cmrTokensLaw);
        ArgumentNullException.ThrowIfNull(tokens);
        if (cmrTokensLaw.Law.Variables.Length != 1)
            throw new ArgumentException($"Law '{cmrTokensLaw.Law.Name}' reads {string.Join(", ", cmrTokensLaw.Law.Variables)}; a CMR tokens law reads one variable, the token budget.");
        return tokens.Select(t => new CriticalRatioPoint(t, Math.Clamp(cmrTokensLaw.Evaluate([t]), 0, 1), null)).ToImmutableArray();
    }

    /// <summary>
    /// The Pareto front between the domain loss and the general loss over the domain share at (N, D): the
    /// shares of a scan (<paramref name="points"/>, evenly spaced over the share range) that no other share beats
    /// on both losses. Each point's weights are (r_g, r_d) for the domains (<c>general</c>, <c>domain</c>).
    /// </summary>
    /// <param name="domainLaw">Fitted law of the domain loss.</param>
    /// <param name="generalLaw">Fitted law of the general loss.</param>
    /// <param name="modelSize">N.</param>
    /// <param name="tokens">D.</param>
    /// <param name="points">Shares scanned, ≥ 2; default 201.</param>
    /// <param name="options">Options.</param>
    public static ParetoFront ParetoFront(FittedLaw domainLaw, FittedLaw generalLaw, double modelSize, double tokens, int points = 201,
        ContinualPretrainingOptions? options = null)
    {
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "At least 2 points are needed.");
        options ??= ContinualPretrainingOptions.Default;
        options.Validate();
        var domain = Bind(domainLaw, options, general: false);
        var general = Bind(generalLaw, options, general: true);
        var list = new List<ParetoPoint>();
        for (int i = 0; i < points; i++)
        {
            double r = Share(options, i, points);
            list.Add(new ParetoPoint([1 - r, r], domain(modelSize, tokens, r), general(modelSize, tokens, r)));
        }
        string first = domainLaw.Name, second = generalLaw.Name;
        if (first == second) (first, second) = ("domain", "general");
        return Optimization.Mixtures.ParetoFront.Create(["general", "domain"], first, second, list);
    }

    /// <summary>
    /// A fitted law as a function of the domain share r_d at (N, D): a domain-loss law is evaluated at r_d, a
    /// general-loss law at r_g = 1 − r_d (or at r_d when <see cref="ContinualPretrainingOptions.GeneralLawUsesDomainShare"/>).
    /// Use it to draw or tabulate the losses the decisions compare.
    /// </summary>
    /// <param name="law">Fitted law (reads the share, optionally N and D).</param>
    /// <param name="isGeneralLaw">Whether <paramref name="law"/> models the general loss.</param>
    /// <param name="modelSize">N (ignored when the law does not read it).</param>
    /// <param name="tokens">D (ignored when the law does not read it).</param>
    /// <param name="options">Options (share variable, general-share convention, fixed variables).</param>
    public static Func<double, double> LossAtShare(FittedLaw law, bool isGeneralLaw, double modelSize, double tokens, ContinualPretrainingOptions? options = null)
    {
        options ??= ContinualPretrainingOptions.Default;
        var loss = Bind(law, options, isGeneralLaw);
        return r => loss(modelSize, tokens, r);
    }

    /// <summary>A law as a function of (N, D, r_d), with the general law evaluated at 1 − r_d unless configured otherwise.</summary>
    internal static Func<double, double, double, double> Bind(FittedLaw law, ContinualPretrainingOptions options, bool general)
    {
        ArgumentNullException.ThrowIfNull(law);
        var variables = law.Law.Variables;
        string shareName = ShareName(law, options.ShareVariable);
        int iShare = variables.IndexOf(shareName), iN = variables.IndexOf(options.ModelSizeVariable), iD = variables.IndexOf(options.TokensVariable);
        if (iShare < 0)
            throw new ArgumentException($"Law '{law.Law.Name}' reads {string.Join(", ", variables)}; continual pre-training needs its share variable '{options.ShareVariable}'.");
        var x = new double[variables.Length];
        for (int v = 0; v < variables.Length; v++)
        {
            if (v == iShare || v == iN || v == iD) continue;
            if (!options.Fixed.TryGetValue(variables[v], out x[v]))
                throw new ArgumentException($"Law '{law.Law.Name}' reads '{variables[v]}'; give its value in ContinualPretrainingOptions.Fixed.");
        }
        var theta = law.Parameters.ToArray();
        bool complement = general && !options.GeneralLawUsesDomainShare;
        return (n, d, domainShare) =>
        {
            var point = (double[])x.Clone();
            point[iShare] = complement ? 1 - domainShare : domainShare;
            if (iN >= 0) point[iN] = n;
            if (iD >= 0) point[iD] = d;
            return law.Law.Evaluate(theta, point);
        };
    }

    private static string ShareName(FittedLaw law, string shareVariable) =>
        !law.Law.Variables.Contains(shareVariable) && shareVariable == "r" && law.Law.Variables.Contains("R") ? "R" : shareVariable;

    private static double Share(ContinualPretrainingOptions o, int i, int count) =>
        i == count - 1 ? o.MaxShare : o.MinShare + (o.MaxShare - o.MinShare) * i / (count - 1);

    private static ContinualPretrainingChoice Choose(Func<double, double> domainLoss, Func<double, double>? generalLoss, double limit,
        ContinualPretrainingOptions o, double modelSize, double tokens, double? domainTokens)
    {
        int count = o.ScanPoints;
        bool Feasible(double r) => generalLoss is null || (generalLoss(r) is double g && double.IsFinite(g) && g <= limit);
        double? General(double r) => generalLoss?.Invoke(r);
        double TokensAt(double r) => domainTokens is double dd ? dd / r : tokens;
        int best = -1;
        double bestValue = double.PositiveInfinity;
        var feasible = new bool[count];
        for (int i = 0; i < count; i++)
        {
            double r = Share(o, i, count);
            feasible[i] = Feasible(r);
            double value = domainLoss(r);
            if (feasible[i] && double.IsFinite(value) && value < bestValue) { best = i; bestValue = value; }
        }
        double? finiteLimit = double.IsFinite(limit) ? limit : null;
        if (best < 0)
        {
            int lowest = 0;
            double lowestGeneral = double.PositiveInfinity;
            for (int i = 0; i < count; i++)
                if (General(Share(o, i, count)) is double g && g < lowestGeneral) { lowestGeneral = g; lowest = i; }
            double r = Share(o, lowest, count);
            return new ContinualPretrainingChoice(false, r, domainLoss(r), General(r), finiteLimit, false, modelSize, TokensAt(r),
                string.Create(CultureInfo.InvariantCulture, $"Infeasible: no domain share keeps the general loss ≤ {limit:G6}; the lowest general loss found is {lowestGeneral:G6} at r_d = {r:G4}."));
        }
        double lo = Share(o, Math.Max(best - 1, 0), count), hi = Share(o, Math.Min(best + 1, count - 1), count);
        double centre = Share(o, best, count);
        if (best > 0 && !feasible[best - 1]) lo = BoundaryOf(Feasible, centre, lo);
        if (best < count - 1 && !feasible[best + 1]) hi = BoundaryOf(Feasible, centre, hi);
        double share = centre, value0 = bestValue;
        if (hi > lo)
        {
            var (x, fx, _) = ScalarMinimizer.Brent(r => Feasible(r) ? domainLoss(r) : double.PositiveInfinity, lo, hi, centre, bestValue, 1e-12);
            if (fx <= value0) { share = x; value0 = fx; }
            foreach (double end in (double[])[lo, hi])
                if (Feasible(end) && domainLoss(end) is double fe && fe < value0) { share = end; value0 = fe; }
        }
        double? generalAt = General(share);
        bool active = generalAt is double ga && finiteLimit is double fl && fl - ga <= 1e-9 * Math.Max(1, Math.Abs(fl));
        string message = FormattableString.Invariant($"r_d = {share:G6}: domain loss {value0:G6}")
            + (generalAt is double gg ? FormattableString.Invariant($", general loss {gg:G6} (limit {limit:G6}{(active ? ", active" : "")})") : "") + ".";
        return new ContinualPretrainingChoice(true, share, value0, generalAt, finiteLimit, active, modelSize, TokensAt(share), message);
    }

    private static double BoundaryOf(Func<double, bool> feasible, double inside, double outside) =>
        ScalarMinimizer.Boundary(feasible, inside, outside, 1e-12);
}
