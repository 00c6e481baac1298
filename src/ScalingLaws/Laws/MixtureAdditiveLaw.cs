using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Shukor et al.'s additive mixture law: L(N, D, h) = E + 1/(Σ_i C_i·(k·h_i)^γ_i) + A/N^α + B/D^β, k the
/// number of domains. Only the bias term depends on the domain weights h, so the optimal weights do not
/// depend on N or D. One law is fitted per target domain (or target loss).
/// </summary>
/// <remarks>
/// <para>Variables: <c>N</c>, parameters; <c>D</c>, training tokens; then the k domain-weight columns h_i
/// given to the constructor (shares in [0, 1] summing to 1). Output: target validation loss in nats/token.</para>
/// <para>Parameters (5 + 2k): <c>E</c>, <c>A</c>, <c>B</c> ≥ 0, <c>alpha</c>, <c>beta</c> ≥ 0, then
/// <c>C_&lt;domain&gt;</c> ≥ 0 for every column, then <c>gamma_&lt;domain&gt;</c> ≥ 0 for every column. The
/// suffix is the column name without a leading <c>h_</c>, <c>w_</c> or <c>r_</c>.</para>
/// <para>Parameterisation: the paper writes the bias term Σ_i C_i·h_i^γ_i, with C_i the weight at h_i = 1,
/// far outside any mixture; there C_i and γ_i trade off along a curved valley (C_i → ∞ with γ_i → ∞
/// fits nearly as well) in which a fit creeps for thousands of steps. Here C_i is the weight at the
/// uniform share h_i = 1/k, where mixtures put their weight, which leaves C_i and γ_i nearly
/// uncorrelated; the paper's C_i equals C_i·k^γ_i. The law is the same family. E, A and B enter
/// linearly; each random start gets their best values for its other parameters (variable projection).</para>
/// <para>Recipe (paper §2.3): Huber loss with δ = 10⁻³ on the raw loss (linear residuals), random
/// initialisation (the paper follows it with basin-hopping; here multi-start Levenberg–Marquardt):
/// 64 quasi-random starts in α, β ∈ [0.05, 1], C_i ∈ [0.1, 10], γ_i ∈ [0, 2], E, A and B projected;
/// 10 steps each, then the best 8 run to convergence through the loss continuation (<see cref="LossContinuation"/>: Huber at the residuals' scale first). The paper's number of random starts is not stated.</para>
/// <para>Citation: Shukor et al. 2025, "Scaling Laws for Optimal Data Mixtures", arXiv:2507.09404, Eq. 2.4.</para>
/// </remarks>
public sealed class MixtureAdditiveLaw : IMixtureLaw, IRowCachedLaw, IPartlyLinearLaw
{
    private static readonly int[] Linear = [0, 1, 2];

    private readonly int _k;

    /// <summary>Creates the law for the given domain-weight columns.</summary>
    /// <param name="domains">Names of the k weight columns, e.g. <c>["h_arxiv", "h_book", "h_c4"]</c>.</param>
    /// <exception cref="ArgumentException">The list is empty, repeats a name, or a name is not a formula identifier.</exception>
    public MixtureAdditiveLaw(IReadOnlyList<string> domains)
    {
        Domains = DomainColumns.Validate(domains, "mixture-additive");
        _k = Domains.Length;
        Variables = ImmutableArray.Create("N", "D").AddRange(Domains);
        var specs = ImmutableArray.CreateBuilder<ParameterSpec>(5 + 2 * _k);
        specs.Add(new ParameterSpec("E", Lower: 0, Initial: 1.5, Description: "irreducible loss E (nats/token, ≥ 0)"));
        specs.Add(new ParameterSpec("A", Lower: 0, Initial: 100, Description: "model-size coefficient A (≥ 0)"));
        specs.Add(new ParameterSpec("B", Lower: 0, Initial: 100, Description: "data coefficient B (≥ 0)"));
        specs.Add(new ParameterSpec("alpha", Lower: 0, Initial: 0.3, Description: "model-size exponent α (≥ 0)"));
        specs.Add(new ParameterSpec("beta", Lower: 0, Initial: 0.3, Description: "data exponent β (≥ 0)"));
        foreach (string d in Domains)
            specs.Add(new ParameterSpec("C_" + DomainColumns.Suffix(d), Lower: 0, Initial: 1, Description: $"weight C of domain '{d}' in the bias term at the uniform share 1/k (≥ 0)"));
        foreach (string d in Domains)
            specs.Add(new ParameterSpec("gamma_" + DomainColumns.Suffix(d), Lower: 0, Upper: MixtureBiasTerm.MaxExponent, Initial: 0.5, Description: $"exponent γ of domain '{d}' in the bias term (0 to 5)"));
        Parameters = specs.MoveToImmutable();
        DomainColumns.CheckNames(Parameters, Variables, Name);
        Formula = $"E + 1/({MixtureBiasTerm.Text(Domains)}) + A/N^alpha + B/D^beta";
    }

    /// <summary>The domain-weight columns, in order.</summary>
    public ImmutableArray<string> Domains { get; }

    /// <summary>Catalogue name: <c>mixture-additive</c>.</summary>
    public string Name => "mixture-additive";

    /// <summary><c>E + 1/(C_1*(k*h_1)^gamma_1 + …) + A/N^alpha + B/D^beta</c> with the actual column names and k.</summary>
    public string Formula { get; }

    /// <summary><c>N</c>, <c>D</c>, then the domain-weight columns.</summary>
    public ImmutableArray<string> Variables { get; }

    /// <summary><c>E</c>, <c>A</c>, <c>B</c>, <c>alpha</c>, <c>beta</c>, the k <c>C_</c>, then the k <c>gamma_</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters { get; }

    /// <summary>Shukor et al. 2025, arXiv:2507.09404, Eq. 2.4.</summary>
    public string Citation => "Shukor et al. 2025, \"Scaling Laws for Optimal Data Mixtures\", arXiv:2507.09404, Eq. 2.4 (additive law).";

    /// <summary>L(N, D, h) = E + 1/(Σ_i C_i·(k·h_i)^γ_i) + A/N^α + B/D^β for θ = (E, A, B, alpha, beta, C_1…C_k, gamma_1…gamma_k).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        double s = MixtureBiasTerm.Sum(parameters.Slice(5, _k), parameters.Slice(5 + _k, _k), x[2..]);
        return parameters[0] + 1 / s + parameters[1] / Math.Pow(x[0], parameters[3]) + parameters[2] / Math.Pow(x[1], parameters[4]);
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

    /// <summary>L and its gradient at one row, given the logarithms of its variables (row by row or from the cache: the same arithmetic).</summary>
    private double WithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, ReadOnlySpan<double> logs, Span<double> gradient)
    {
        double bias = MixtureBiasTerm.WithGradient(parameters.Slice(5, _k), parameters.Slice(5 + _k, _k), x[2..], logs[2..],
            gradient.Slice(5, _k), gradient.Slice(5 + _k, _k));
        double nPower = Math.Pow(x[0], parameters[3]);
        double dPower = Math.Pow(x[1], parameters[4]);
        double modelTerm = parameters[1] / nPower;
        double dataTerm = parameters[2] / dPower;
        gradient[0] = 1;
        gradient[1] = 1 / nPower;
        gradient[2] = 1 / dPower;
        gradient[3] = -modelTerm * logs[0];
        gradient[4] = -dataTerm * logs[1];
        return parameters[0] + bias + modelTerm + dataTerm;
    }

    /// <summary>
    /// Screening of the additive law's starts: 10 steps each, then the best 8 continue through the loss continuation,
    /// whose relaxed stages run at most 500 trial steps each. The continuation leads most survivors into the basin of the
    /// least-squares optimum; eight of them (not four) let one whose path ends in a lower neighbouring basin appear, at
    /// about the cost of four with unlimited relaxed stages (in which some crept for 10,000–50,000 steps).
    /// </summary>
    internal static StartScreening Screening { get; } = new(Iterations: 10, Survivors: 8) { Continuation = true, StageIterations = 500 };

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
        for (int r = 0; r < values.Length; r++)
        {
            var x = cache.Slice(r * 2 * m, m);
            double s = MixtureBiasTerm.Sum(parameters.Slice(5, _k), parameters.Slice(5 + _k, _k), x[2..]);
            values[r] = parameters[0] + 1 / s + parameters[1] / Math.Pow(x[0], parameters[3]) + parameters[2] / Math.Pow(x[1], parameters[4]);
        }
    }

    void IRowCachedLaw.EvaluateRowsWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values, Span<double> gradient)
    {
        int m = 2 + _k, n = values.Length, p = Parameters.Length;
        RowCache.Check(p, 2 * m, parameters.Length, cache.Length, n, gradient.Length);
        Span<double> row = p <= 64 ? stackalloc double[p] : new double[p];
        for (int r = 0; r < n; r++)
        {
            var x = cache.Slice(r * 2 * m, m);
            var logs = cache.Slice(r * 2 * m + m, m);
            values[r] = WithGradient(parameters, x, logs, row);
            for (int j = 0; j < p; j++) gradient[j * n + r] = row[j];
        }
    }

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
            ranges[Parameters[5 + i].Name] = (0.1, 10);
            ranges[Parameters[5 + _k + i].Name] = (0, 2);
        }
        return new FitRecipe(new HuberLoss(1e-3), ResidualSpace.Linear, new RandomStarts(64, ranges.ToImmutable()), Screening);
    }
}
