using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Shukor et al.'s joint mixture law: L(N, D, h) = E + 1/(Σ_i C_i·(k·h_i)^γ_i) + A_h/N^α + B_h/D^β with
/// A_h = A·(Σ_i a_i·h_i)^γ^A and B_h = B·(Σ_i b_i·h_i)^γ^B, a_1 = b_1 = 1 (the first domain is the
/// reference); α and β do not depend on h. It reduces to the additive law when γ^A = γ^B = 0 or every
/// a_i = b_i = 1. One law is fitted per target domain.
/// </summary>
/// <remarks>
/// <para>Variables: <c>N</c>, parameters; <c>D</c>, training tokens; then the k domain-weight columns
/// (shares summing to 1). Output: target validation loss in nats/token.</para>
/// <para>Parameters (5 + 4k): <c>E</c>, <c>A</c>, <c>B</c> ≥ 0, <c>alpha</c>, <c>beta</c> ≥ 0,
/// <c>C_&lt;domain&gt;</c> ≥ 0, <c>gamma_&lt;domain&gt;</c> ≥ 0, <c>a_&lt;domain&gt;</c> ≥ 0 for every domain
/// but the first, <c>gamma_A</c>, <c>b_&lt;domain&gt;</c> ≥ 0 for every domain but the first, <c>gamma_B</c>,
/// in that order; suffixes are the column names without a leading <c>h_</c>, <c>w_</c> or <c>r_</c>.</para>
/// <para>Parameterisation: the paper writes A_h = (Σ_i C^A_i·h_i)^γ^A and B_h = (Σ_i C^B_i·h_i)^γ^B. Its
/// amplitude then hides in the C^A_i, raised to γ^A: when the C^A_i are nearly equal, A_h ≈ (C^A)^γ^A and
/// the pair (C^A, γ^A) slides along a curved valley without changing the fit. Here the amplitude is a
/// separate factor A, entering linearly (so, with E and B, it is projected at every start), and the
/// domains' relative weights a_i = C^A_i/C^A_1 are measured against the first domain, which removes the
/// scale freedom a common factor of the a_i would have (A = (C^A_1)^γ^A; likewise for B). The family is
/// the paper's wherever C^A_1, C^B_1 &gt; 0. The bias term is the additive law's (C_i at the uniform
/// share; see <see cref="MixtureAdditiveLaw"/>). |γ^A|, |γ^B| ≤ 5 like the bias exponents: with
/// Σh_i = 1, (Σ_i a_i·h_i)^γ^A = (1 + Σ_i (a_i − 1)·h_i)^γ^A tends to exp(Σ_i u_i·h_i) as γ^A → ∞ with
/// (a_i − 1)·γ^A = u_i held, a valley that ends only at infinity, along which an unbounded fit creeps
/// for thousands of steps (and lowers the objective by about 10⁻⁴ relative on the benchmark log).</para>
/// <para>Recipe (paper §2.3): Huber loss with δ = 10⁻³ on linear residuals, 64 quasi-random starts in
/// α, β ∈ [0.05, 1], C_i ∈ [0.1, 10], γ_i ∈ [0, 2], a_i, b_i ∈ [0.5, 2], γ^A, γ^B ∈ [0, 2], with E, A
/// and B projected; 10 steps each, then the best 4 run to convergence through the loss continuation (<see cref="LossContinuation"/>: Huber at the residuals' scale first, relaxed stages of at most 2,000 steps);
/// one more start is the additive law's optimum (<see cref="Reduced"/>), so the joint objective is never above the additive one.</para>
/// <para>Citation: Shukor et al. 2025, "Scaling Laws for Optimal Data Mixtures", arXiv:2507.09404, Eq. 2.5.</para>
/// </remarks>
public sealed class MixtureJointLaw : IMixtureLaw, IRowCachedLaw, IPartlyLinearLaw, INestedLaw
{
    private static readonly int[] Linear = [0, 1, 2];
    private readonly int _k;

    /// <summary>Creates the law for the given domain-weight columns.</summary>
    /// <param name="domains">Names of the k weight columns, e.g. <c>["h_arxiv", "h_book", "h_c4"]</c>.</param>
    /// <exception cref="ArgumentException">The list is empty, repeats a name, or a name is not a formula identifier.</exception>
    public MixtureJointLaw(IReadOnlyList<string> domains)
    {
        Domains = DomainColumns.Validate(domains, "mixture-joint");
        _k = Domains.Length;
        Variables = ImmutableArray.Create("N", "D").AddRange(Domains);
        var suffixes = Domains.Select(DomainColumns.Suffix).ToArray();
        var specs = ImmutableArray.CreateBuilder<ParameterSpec>(5 + 4 * _k);
        specs.Add(new ParameterSpec("E", Lower: 0, Initial: 1.5, Description: "irreducible loss E (nats/token, ≥ 0)"));
        specs.Add(new ParameterSpec("A", Lower: 0, Initial: 100, Description: "model-size coefficient A of the first domain's pure mixture (≥ 0)"));
        specs.Add(new ParameterSpec("B", Lower: 0, Initial: 100, Description: "data coefficient B of the first domain's pure mixture (≥ 0)"));
        specs.Add(new ParameterSpec("alpha", Lower: 0, Initial: 0.3, Description: "model-size exponent α (≥ 0)"));
        specs.Add(new ParameterSpec("beta", Lower: 0, Initial: 0.3, Description: "data exponent β (≥ 0)"));
        foreach (string s in suffixes)
            specs.Add(new ParameterSpec("C_" + s, Lower: 0, Initial: 1, Description: $"weight C of domain '{s}' in the bias term at the uniform share 1/k (≥ 0)"));
        foreach (string s in suffixes)
            specs.Add(new ParameterSpec("gamma_" + s, Lower: 0, Upper: MixtureBiasTerm.MaxExponent, Initial: 0.5, Description: $"exponent γ of domain '{s}' in the bias term (0 to 5)"));
        foreach (string s in suffixes.Skip(1))
            specs.Add(new ParameterSpec("a_" + s, Lower: 0, Initial: 1, Description: $"weight of domain '{s}' in A_h relative to '{suffixes[0]}' (≥ 0)"));
        specs.Add(new ParameterSpec("gamma_A", Lower: -MixtureBiasTerm.MaxExponent, Upper: MixtureBiasTerm.MaxExponent, Initial: 1, Description: "exponent γ^A of A_h (−5 to 5)"));
        foreach (string s in suffixes.Skip(1))
            specs.Add(new ParameterSpec("b_" + s, Lower: 0, Initial: 1, Description: $"weight of domain '{s}' in B_h relative to '{suffixes[0]}' (≥ 0)"));
        specs.Add(new ParameterSpec("gamma_B", Lower: -MixtureBiasTerm.MaxExponent, Upper: MixtureBiasTerm.MaxExponent, Initial: 1, Description: "exponent γ^B of B_h (−5 to 5)"));
        Parameters = specs.MoveToImmutable();
        DomainColumns.CheckNames(Parameters, Variables, Name);
        string sumA = string.Join(" + ", Domains.Select((d, i) => i == 0 ? d : $"a_{suffixes[i]}*{d}"));
        string sumB = string.Join(" + ", Domains.Select((d, i) => i == 0 ? d : $"b_{suffixes[i]}*{d}"));
        Formula = $"E + 1/({MixtureBiasTerm.Text(Domains)}) + A*({sumA})^gamma_A/N^alpha + B*({sumB})^gamma_B/D^beta";
    }

    /// <summary>The domain-weight columns, in order.</summary>
    public ImmutableArray<string> Domains { get; }

    /// <summary>
    /// The additive law on the same domains: this law at a_i = b_i = 1 (the initial values; then Σ a_i·h_i = Σ h_i = 1 and
    /// γ^A, γ^B drop out). A default fit runs one more start from the additive optimum (<see cref="INestedLaw"/>).
    /// </summary>
    public IScalingLaw Reduced => new MixtureAdditiveLaw(Domains);

    /// <summary>Catalogue name: <c>mixture-joint</c>.</summary>
    public string Name => "mixture-joint";

    /// <summary>The law in the formula language with the actual column names.</summary>
    public string Formula { get; }

    /// <summary><c>N</c>, <c>D</c>, then the domain-weight columns.</summary>
    public ImmutableArray<string> Variables { get; }

    /// <summary>E, A, B, alpha, beta, C_i…, gamma_i…, a_i… (all but the first domain), gamma_A, b_i…, gamma_B.</summary>
    public ImmutableArray<ParameterSpec> Parameters { get; }

    /// <summary>Shukor et al. 2025, arXiv:2507.09404, Eq. 2.5.</summary>
    public string Citation => "Shukor et al. 2025, \"Scaling Laws for Optimal Data Mixtures\", arXiv:2507.09404, Eq. 2.5 (joint law).";

    private int OffsetC => 5;
    private int OffsetGamma => 5 + _k;
    private int OffsetA => 5 + 2 * _k;           // a_2…a_k
    private int IndexGammaA => 4 + 3 * _k;
    private int OffsetB => 5 + 3 * _k;           // b_2…b_k
    private int IndexGammaB => 4 + 4 * _k;

    /// <summary>L(N, D, h) for θ in the order of <see cref="Parameters"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        return Value(parameters, x);
    }

    private double Value(ReadOnlySpan<double> p, ReadOnlySpan<double> x)
    {
        var h = x[2..];
        double s = MixtureBiasTerm.Sum(p.Slice(OffsetC, _k), p.Slice(OffsetGamma, _k), h);
        double sumA = Weighted(p.Slice(OffsetA, _k - 1), h), sumB = Weighted(p.Slice(OffsetB, _k - 1), h);
        return p[0] + 1 / s
            + p[1] * (Math.Pow(sumA, p[IndexGammaA]) / Math.Pow(x[0], p[3]))
            + p[2] * (Math.Pow(sumB, p[IndexGammaB]) / Math.Pow(x[1], p[4]));
    }

    /// <summary>L(N, D, h) and its exact gradient.</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        Span<double> logs = x.Length <= 64 ? stackalloc double[x.Length] : new double[x.Length];
        logs[0] = Math.Log(x[0]);
        logs[1] = Math.Log(x[1]);
        MixtureBiasTerm.Logs(x[2..], logs[2..]);
        return WithGradient(parameters, x, logs, gradient);
    }

    /// <summary>L and its gradient at one row, given log N, log D and log(k·h_i) (row by row or from the cache: the same arithmetic).</summary>
    private double WithGradient(ReadOnlySpan<double> p, ReadOnlySpan<double> x, ReadOnlySpan<double> logs, Span<double> gradient)
    {
        var h = x[2..];
        double bias = MixtureBiasTerm.WithGradient(p.Slice(OffsetC, _k), p.Slice(OffsetGamma, _k), h, logs[2..],
            gradient.Slice(OffsetC, _k), gradient.Slice(OffsetGamma, _k));
        double gammaA = p[IndexGammaA], gammaB = p[IndexGammaB];
        double sumA = Weighted(p.Slice(OffsetA, _k - 1), h), sumB = Weighted(p.Slice(OffsetB, _k - 1), h);
        double shareA = Math.Pow(sumA, gammaA) / Math.Pow(x[0], p[3]);
        double shareB = Math.Pow(sumB, gammaB) / Math.Pow(x[1], p[4]);
        double modelTerm = p[1] * shareA, dataTerm = p[2] * shareB;
        gradient[0] = 1;
        gradient[1] = shareA;
        gradient[2] = shareB;
        gradient[3] = -modelTerm * logs[0];
        gradient[4] = -dataTerm * logs[1];
        for (int i = 1; i < _k; i++)
        {
            gradient[OffsetA + i - 1] = modelTerm * gammaA * h[i] / sumA;
            gradient[OffsetB + i - 1] = dataTerm * gammaB * h[i] / sumB;
        }
        gradient[IndexGammaA] = modelTerm * Math.Log(sumA);
        gradient[IndexGammaB] = dataTerm * Math.Log(sumB);
        return p[0] + bias + modelTerm + dataTerm;
    }

    /// <summary>E, A and B enter linearly.</summary>
    ReadOnlySpan<int> IPartlyLinearLaw.LinearParameters => Linear;

    /// <summary>Cache: N, D, h_1…h_k, then log N, log D, log(k·h_1)…log(k·h_k).</summary>
    int IRowCachedLaw.CacheWidth => 2 * (2 + _k);

    void IRowCachedLaw.FillCache(ReadOnlySpan<double> x, Span<double> cache)
        => MixtureBiasTerm.FillCache(x, cache, _k);

    void IRowCachedLaw.EvaluateRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values)
    {
        int m = 2 + _k;
        RowCache.Check(Parameters.Length, 2 * m, parameters.Length, cache.Length, values.Length);
        for (int r = 0; r < values.Length; r++) values[r] = Value(parameters, cache.Slice(r * 2 * m, m));
    }

    void IRowCachedLaw.EvaluateRowsWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values, Span<double> gradient)
    {
        int m = 2 + _k, n = values.Length, p = Parameters.Length;
        RowCache.Check(p, 2 * m, parameters.Length, cache.Length, n, gradient.Length);
        Span<double> row = p <= 64 ? stackalloc double[p] : new double[p];
        for (int r = 0; r < n; r++)
        {
            values[r] = WithGradient(parameters, cache.Slice(r * 2 * m, m), cache.Slice(r * 2 * m + m, m), row);
            for (int j = 0; j < p; j++) gradient[j * n + r] = row[j];
        }
    }

    /// <summary>
    /// Screening of the joint law's starts: 10 steps each, then the best 4 continue through the loss continuation, whose
    /// relaxed stages run at most 2,000 trial steps each (the additive law's 500 cut some paths short of their basin; without
    /// a budget a few crept for tens of thousands of steps to the same optimum).
    /// </summary>
    internal static StartScreening Screening { get; } = new(Iterations: 10, Survivors: 4) { Continuation = true, StageIterations = 2000 };

    /// <summary>Huber δ = 10⁻³ on linear residuals from 64 projected quasi-random starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data)
    {
        var ranges = ImmutableDictionary.CreateBuilder<string, (double Lower, double Upper)>();
        ranges["E"] = (0, RecipeData.MinTarget(data, 2.0));
        ranges["A"] = (1, 1000);
        ranges["B"] = (1, 1000);
        ranges["alpha"] = (0.05, 1);
        ranges["beta"] = (0.05, 1);
        for (int i = 0; i < _k; i++)
        {
            ranges[Parameters[OffsetC + i].Name] = (0.1, 10);
            ranges[Parameters[OffsetGamma + i].Name] = (0, 2);
        }
        for (int i = 0; i < _k - 1; i++)
        {
            ranges[Parameters[OffsetA + i].Name] = (0.5, 2);
            ranges[Parameters[OffsetB + i].Name] = (0.5, 2);
        }
        ranges["gamma_A"] = (0, 2);
        ranges["gamma_B"] = (0, 2);
        return new FitRecipe(new HuberLoss(1e-3), ResidualSpace.Linear, new RandomStarts(64, ranges.ToImmutable()), Screening);
    }

    /// <summary>h_1 + Σ_{i≥2} w_i·h_i (the first domain's weight is 1).</summary>
    private static double Weighted(ReadOnlySpan<double> relative, ReadOnlySpan<double> h)
    {
        double sum = h[0];
        for (int i = 1; i < h.Length; i++) sum += relative[i - 1] * h[i];
        return sum;
    }
}
