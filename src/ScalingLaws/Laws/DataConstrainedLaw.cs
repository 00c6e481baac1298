using System.Collections.Immutable;
using ScalingLaws.Expressions;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Muennighoff et al.'s data-constrained law: L(N, D, U) = E + A/N′^α + B/D′^β with effective data
/// D′ = U + U·R*_D·(1 − exp(−R_D/R*_D)), R_D = max(D/U − 1, 0), and effective parameters
/// N′ = U_N + U_N·R*_N·(1 − exp(−R_N/R*_N)), U_N = min(N, N_opt(U)), R_N = max(N/U_N − 1, 0), where
/// N_opt(U) = (U·G)^(β/α)·G and G = (α·A/(β·B))^(1/(α+β)) is the Chinchilla allocation constant.
/// A = eᵃ, B = eᵇ, E = eᵉ as in the reference code.
/// </summary>
/// <remarks>
/// <para>Variables: <c>N</c>, parameters; <c>D</c>, total training tokens; <c>U</c>, unique tokens (U ≤ D).
/// Output: validation loss in nats/token.</para>
/// <para>Parameters: <c>a</c>, <c>b</c>, <c>e</c> (logs of A, B, E), <c>alpha</c>, <c>beta</c> (&gt; 0),
/// <c>R_D_star</c> and <c>R_N_star</c> (&gt; 0, in epochs and in multiples of U_N: the decay constants of the
/// value of repeated data and of excess parameters). Published: a = 6.255414, b = 7.3049974, e = 0.6254804,
/// α = β = 0.3526596, R*_D = 15.387756, R*_N = 5.309743.</para>
/// <para>The evaluation follows the reference code operation by operation; the gradient includes the
/// dependence of U_N on a, b, α and β through N_opt on the branch N &gt; N_opt(U).</para>
/// <para>Recipe: Huber loss with δ = 10⁻³ on log residuals (as in the paper) from 1,800 starts:
/// a, b ∈ linspace(0, 25, 5), e ∈ linspace(−1, 1, 4) (the paper's base grid), α = β ∈ {0.25, 0.5},
/// R*_D ∈ {5, 15, 50}, R*_N ∈ {1.5, 5, 15}. The paper fits in two steps: the base (a, b, e, α = β) on
/// Chinchilla's C4 IsoFLOP points, then only R*_D and R*_N on its own runs with the base frozen; to
/// reproduce that, fix the base parameters in the fit options.</para>
/// <para>Citation: Muennighoff et al. 2023, "Scaling Data-Constrained Language Models", arXiv:2305.16264,
/// §5 (Eq. 5–7); reference implementation in huggingface/datablations README.md.</para>
/// </remarks>
public sealed class DataConstrainedLaw : IScalingLaw, IRowCachedLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["N", "D", "U"];

    private static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("a", Initial: 6.255414, Description: "log A: log of the model-size coefficient (A = exp(a))"),
        new("b", Initial: 7.3049974, Description: "log B: log of the data coefficient (B = exp(b))"),
        new("e", Initial: 0.6254804, Description: "log E: log of the irreducible loss in nats/token (E = exp(e))"),
        new("alpha", Lower: 1e-6, Initial: 0.3526596, Description: "model-size exponent α (dimensionless, > 0)"),
        new("beta", Lower: 1e-6, Initial: 0.3526596, Description: "data exponent β (dimensionless, > 0)"),
        new("R_D_star", Lower: 1e-6, Initial: 15.387756, Description: "decay constant R*_D of repeated data (epochs, > 0)"),
        new("R_N_star", Lower: 1e-6, Initial: 5.309743, Description: "decay constant R*_N of excess parameters (multiples of U_N, > 0)"),
    ];

    private static readonly string FormulaText = BuildFormula();

    // Built on first use: its 1,800 starts would otherwise be built by every command that lists the catalogue.
    private static FitRecipe? _recipe;

    /// <summary>Catalogue name: <c>data-constrained</c>.</summary>
    public string Name => "data-constrained";

    /// <summary>The full law in the formula language, with U_N, R_N and R_D written out through min and max.</summary>
    public string Formula => FormulaText;

    /// <summary><c>N</c> (parameters), <c>D</c> (total tokens), <c>U</c> (unique tokens).</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>a</c>, <c>b</c>, <c>e</c>, <c>alpha</c>, <c>beta</c>, <c>R_D_star</c>, <c>R_N_star</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Muennighoff et al. 2023, arXiv:2305.16264, §5.</summary>
    public string Citation => "Muennighoff et al. 2023, \"Scaling Data-Constrained Language Models\", arXiv:2305.16264, §5 (Eq. 5–7); reference code: huggingface/datablations README.md.";

    /// <summary>L(N, D, U) for θ = (a, b, e, alpha, beta, R_D_star, R_N_star).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        var shared = new Shared(parameters, withGradient: false);
        return Compute(parameters, shared, x[0], x[2], RepeatedEpochs(x[1], x[2]), 0, Span<double>.Empty, withGradient: false);
    }

    /// <summary>L(N, D, U) and its exact gradient, including ∂U_N/∂θ on the branch N &gt; N_opt(U).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        var shared = new Shared(parameters, withGradient: true);
        return Compute(parameters, shared, x[0], x[2], RepeatedEpochs(x[1], x[2]), Math.Log(x[2]), gradient, withGradient: true);
    }

    /// <summary>Cache: N, U, R_D = max(D/U − 1, 0) and log U.</summary>
    int IRowCachedLaw.CacheWidth => CacheWidth;

    void IRowCachedLaw.FillCache(ReadOnlySpan<double> x, Span<double> cache)
    {
        RowCache.CheckRow(CacheWidth, 3, x.Length, cache.Length);
        cache[0] = x[0];
        cache[1] = x[2];
        cache[2] = RepeatedEpochs(x[1], x[2]);
        cache[3] = Math.Log(x[2]);
    }

    void IRowCachedLaw.EvaluateRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values)
    {
        RowCache.Check(Specs.Length, CacheWidth, parameters.Length, cache.Length, values.Length);
        var shared = new Shared(parameters, withGradient: false);
        for (int i = 0; i < values.Length; i++)
        {
            var c = cache.Slice(i * CacheWidth, CacheWidth);
            values[i] = Compute(parameters, shared, c[0], c[1], c[2], c[3], Span<double>.Empty, withGradient: false);
        }
    }

    void IRowCachedLaw.EvaluateRowsWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values, Span<double> gradient)
    {
        int n = values.Length;
        RowCache.Check(Specs.Length, CacheWidth, parameters.Length, cache.Length, n, gradient.Length);
        var shared = new Shared(parameters, withGradient: true);
        Span<double> row = stackalloc double[7];
        for (int i = 0; i < n; i++)
        {
            var c = cache.Slice(i * CacheWidth, CacheWidth);
            values[i] = Compute(parameters, shared, c[0], c[1], c[2], c[3], row, withGradient: true);
            for (int j = 0; j < row.Length; j++) gradient[j * n + i] = row[j];
        }
    }

    /// <summary>Huber δ = 10⁻³ on log residuals from 1,800 grid starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data) =>
        LazyInitializer.EnsureInitialized(ref _recipe, () => new FitRecipe(new HuberLoss(1e-3), ResidualSpace.Log, BuildStarts()));

    /// <summary>N_opt(U) = (U·G)^(β/α)·G, the compute-optimal model size for <paramref name="uniqueTokens"/> tokens.</summary>
    /// <param name="parameters">θ = (a, b, e, alpha, beta, R_D_star, R_N_star).</param>
    /// <param name="uniqueTokens">U, in tokens.</param>
    public static double OptimalParameters(ReadOnlySpan<double> parameters, double uniqueTokens)
    {
        double alpha = parameters[3], beta = parameters[4];
        double g = Math.Pow(alpha * Math.Exp(parameters[0]) / (beta * Math.Exp(parameters[1])), 1 / (alpha + beta));
        return Math.Pow(uniqueTokens * g, beta / alpha) * g;
    }

    private const int CacheWidth = 4;

    /// <summary>R_D = max(D/U − 1, 0), the repeated epochs.</summary>
    private static double RepeatedEpochs(double d, double u) => Math.Max(d / u - 1, 0);

    /// <summary>What depends on θ alone: A, B, E, the allocation constant G and, for gradients, log G.</summary>
    private readonly struct Shared
    {
        public Shared(ReadOnlySpan<double> p, bool withGradient)
        {
            double alpha = p[3], beta = p[4];
            BigA = FastMath.Exp(p[0]);
            BigB = FastMath.Exp(p[1]);
            BigE = FastMath.Exp(p[2]);
            G = Math.Pow(alpha * BigA / (beta * BigB), 1 / (alpha + beta));
            LogG = withGradient ? Math.Log(G) : double.NaN;
        }

        public double BigA { get; }
        public double BigB { get; }
        public double BigE { get; }
        public double G { get; }
        public double LogG { get; }
    }

    /// <summary>One row, from N, U, R_D and (for the gradient) log U.</summary>
    private static double Compute(ReadOnlySpan<double> p, in Shared shared, double n, double u, double rd, double logU, Span<double> gradient, bool withGradient)
    {
        double alpha = p[3], beta = p[4], rdStar = p[5], rnStar = p[6];
        double bigA = shared.BigA, bigB = shared.BigB, bigE = shared.BigE, g = shared.G;
        double nOpt = Math.Pow(u * g, beta / alpha) * g;

        bool optimalBranch = nOpt < n;
        double un = optimalBranch ? nOpt : n;
        double rn = Math.Max(n / un - 1, 0);

        double expN = FastMath.Exp(-1 * rn / rnStar);
        double nEffective = un + un * rnStar * (1 - expN);
        double expD = FastMath.Exp(-1 * rd / rdStar);
        double dEffective = u + u * rdStar * (1 - expD);
        double modelTerm = bigA / Math.Pow(nEffective, alpha);
        double dataTerm = bigB / Math.Pow(dEffective, beta);
        double value = bigE + modelTerm + dataTerm;
        if (!withGradient) return value;

        double logNEffective = Math.Log(nEffective), logDEffective = Math.Log(dEffective);
        // ∂modelTerm/∂N′ and ∂dataTerm/∂D′.
        double dModelDn = -alpha * modelTerm / nEffective;
        double dDataDd = -beta * dataTerm / dEffective;

        gradient[0] = modelTerm;
        gradient[1] = dataTerm;
        gradient[2] = bigE;
        gradient[3] = -modelTerm * logNEffective;
        gradient[4] = -dataTerm * logDEffective;
        gradient[5] = dDataDd * u * ((1 - expD) - rd / rdStar * expD);
        gradient[6] = dModelDn * un * ((1 - expN) - rn / rnStar * expN);

        if (optimalBranch)
        {
            // N′ = U_N·(1 + R*_N(1 − exp(−R_N/R*_N))) with R_N = N/U_N − 1, so
            // ∂N′/∂U_N = 1 + R*_N(1 − exp(−R_N/R*_N)) − (N/U_N)·exp(−R_N/R*_N).
            double dNeffDun = 1 + rnStar * (1 - expN) - n / un * expN;
            double chain = dModelDn * dNeffDun * un; // multiplies ∂log U_N/∂θ
            double logG = shared.LogG;
            gradient[0] += chain / alpha;
            gradient[1] -= chain / alpha;
            gradient[3] += chain * (1 - (alpha + beta) * logG - beta * logU) / (alpha * alpha);
            gradient[4] += chain * (logU - 1 / beta) / alpha;
        }
        return value;
    }

    private static string BuildFormula()
    {
        const string g = "((alpha*exp(a))/(beta*exp(b)))^(1/(alpha + beta))";
        string nOpt = $"(U*{g})^(beta/alpha)*{g}";
        string un = $"min(N, {nOpt})";
        string rn = $"max(N/{un} - 1, 0)";
        const string rd = "max(D/U - 1, 0)";
        return $"exp(e) + exp(a)/({un} + {un}*R_N_star*(1 - exp(-{rn}/R_N_star)))^alpha"
            + $" + exp(b)/(U + U*R_D_star*(1 - exp(-{rd}/R_D_star)))^beta";
    }

    private static ExplicitStarts BuildStarts()
    {
        var starts = new StartList();
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
                for (int k = 0; k < 4; k++)
                    foreach (double exponent in (double[])[0.25, 0.5])
                        foreach (double rdStar in (double[])[5, 15, 50])
                            foreach (double rnStar in (double[])[1.5, 5, 15])
                                starts.Add(("a", 25.0 * i / 4), ("b", 25.0 * j / 4), ("e", -1 + 2.0 * k / 3),
                                    ("alpha", exponent), ("beta", exponent), ("R_D_star", rdStar), ("R_N_star", rnStar));
        return starts.Build();
    }
}
