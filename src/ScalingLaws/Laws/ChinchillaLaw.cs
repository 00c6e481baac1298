using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ScalingLaws.Expressions;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// The Chinchilla parametric loss (Approach 3), with the positive constants in log space as the
/// reference fits do: L(N, D) = exp(e) + exp(a − α·log N) + exp(b − β·log D), i.e.
/// L = E + A/N^α + B/D^β with A = eᵃ, B = eᵇ, E = eᵉ.
/// </summary>
/// <remarks>
/// <para>Variables: <c>N</c>, parameter count (all parameters); <c>D</c>, training tokens (one epoch).
/// Output: validation cross-entropy in nats/token.</para>
/// <para>Parameters: <c>a</c> = log A, <c>b</c> = log B, <c>e</c> = log E (natural logs, dimensionless
/// once N and D are counts), <c>alpha</c> ≥ 0 and <c>beta</c> ≥ 0.</para>
/// <para>Recipe (Hoffmann et al.; replicated exactly by Besiroglu et al. 2024): Huber loss with δ = 10⁻³
/// on log residuals, from the 4,500-point grid a, b ∈ {0, 5, …, 25}, e ∈ {−1, −0.5, …, 1},
/// α, β ∈ {0, 0.5, …, 2}; the best start is kept.</para>
/// <para>Citation: Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models",
/// arXiv:2203.15556, §3.3 and Eq. 2.</para>
/// </remarks>
public sealed class ChinchillaLaw : IScalingLaw, IRowCachedLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["N", "D"];

    private static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("a", Initial: 6.0, Description: "log A: log of the model-size coefficient A (A = exp(a))"),
        new("b", Initial: 6.0, Description: "log B: log of the data coefficient B (B = exp(b))"),
        new("e", Initial: 0.5, Description: "log E: log of the irreducible loss E in nats/token (E = exp(e))"),
        new("alpha", Lower: 0, Initial: 0.34, Description: "model-size exponent α (dimensionless, ≥ 0)"),
        new("beta", Lower: 0, Initial: 0.28, Description: "data exponent β (dimensionless, ≥ 0)"),
    ];

    /// <summary>The recipe, built on its first fit (listing the catalogue does not need it).</summary>
    private static FitRecipe Recipe => field ??= new(
        new HuberLoss(1e-3),
        ResidualSpace.Log,
        new GridStarts(
        [
            GridAxis.Range("a", 0, 25, 5),
            GridAxis.Range("b", 0, 25, 5),
            GridAxis.Range("e", -1, 1, 0.5),
            GridAxis.Range("alpha", 0, 2, 0.5),
            GridAxis.Range("beta", 0, 2, 0.5),
        ]));

    /// <summary>Catalogue name: <c>chinchilla</c>.</summary>
    public string Name => "chinchilla";

    /// <summary><c>exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))</c>.</summary>
    public string Formula => "exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))";

    /// <summary><c>N</c> (parameters) and <c>D</c> (training tokens).</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>a</c>, <c>b</c>, <c>e</c> (log A, log B, log E), <c>alpha</c>, <c>beta</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Hoffmann et al. 2022, arXiv:2203.15556, §3.3 Approach 3, Eq. 2.</summary>
    public string Citation => "Hoffmann et al. 2022, \"Training Compute-Optimal Large Language Models\", arXiv:2203.15556, §3.3 (Approach 3), Eq. 2; log-space fit as replicated by Besiroglu et al. 2024, arXiv:2404.10102.";

    /// <summary>L(N, D) in nats/token for θ = (a, b, e, alpha, beta) and x = (N, D).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        double logN = Math.Log(x[0]), logD = Math.Log(x[1]);
        return PolynomialExp.Exp(parameters[2]) + PolynomialExp.Exp(parameters[0] - parameters[3] * logN) + PolynomialExp.Exp(parameters[1] - parameters[4] * logD);
    }

    /// <summary>L(N, D) and its exact gradient with respect to (a, b, e, alpha, beta).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double logN = Math.Log(x[0]), logD = Math.Log(x[1]);
        double modelTerm = PolynomialExp.Exp(parameters[0] - parameters[3] * logN);
        double dataTerm = PolynomialExp.Exp(parameters[1] - parameters[4] * logD);
        double irreducible = PolynomialExp.Exp(parameters[2]);
        gradient[0] = modelTerm;
        gradient[1] = dataTerm;
        gradient[2] = irreducible;
        gradient[3] = -modelTerm * logN;
        gradient[4] = -dataTerm * logD;
        return irreducible + modelTerm + dataTerm;
    }

    /// <summary>Cache: log N, log D.</summary>
    int IRowCachedLaw.CacheWidth => 2;

    void IRowCachedLaw.FillCache(ReadOnlySpan<double> x, Span<double> cache)
    {
        RowCache.CheckRow(2, 2, x.Length, cache.Length);
        cache[0] = Math.Log(x[0]);
        cache[1] = Math.Log(x[1]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]  // vector helpers in the signature: ReadyToRun leaves it to the JIT, whose first tier is slow
    void IRowCachedLaw.EvaluateRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values)
    {
        RowCache.Check(5, 2, parameters.Length, cache.Length, values.Length);
        double a = parameters[0], b = parameters[1], alpha = parameters[3], beta = parameters[4];
        double irreducible = PolynomialExp.Exp(parameters[2]);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (va, vb, valpha, vbeta, ve) = (Vector256.Create(a), Vector256.Create(b), Vector256.Create(alpha), Vector256.Create(beta), Vector256.Create(irreducible));
            for (; i + 4 <= values.Length; i += 4)
            {
                var (logN, logD) = Load(cache, i);
                (ve + PolynomialExp.Exp(va - valpha * logN) + PolynomialExp.Exp(vb - vbeta * logD)).CopyTo(values[i..]);
            }
        }
        for (; i < values.Length; i++)
        {
            double logN = cache[2 * i], logD = cache[2 * i + 1];
            values[i] = irreducible + PolynomialExp.Exp(a - alpha * logN) + PolynomialExp.Exp(b - beta * logD);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]  // vector helpers in the signature: ReadyToRun leaves it to the JIT, whose first tier is slow
    void IRowCachedLaw.EvaluateRowsWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values, Span<double> gradient)
    {
        int n = values.Length;
        RowCache.Check(5, 2, parameters.Length, cache.Length, n, gradient.Length);
        double a = parameters[0], b = parameters[1], alpha = parameters[3], beta = parameters[4];
        double irreducible = PolynomialExp.Exp(parameters[2]);
        var dA = gradient[..n];
        var dB = gradient.Slice(n, n);
        var dE = gradient.Slice(2 * n, n);
        var dAlpha = gradient.Slice(3 * n, n);
        var dBeta = gradient.Slice(4 * n, n);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (va, vb, valpha, vbeta, ve) = (Vector256.Create(a), Vector256.Create(b), Vector256.Create(alpha), Vector256.Create(beta), Vector256.Create(irreducible));
            for (; i + 4 <= n; i += 4)
            {
                var (logN, logD) = Load(cache, i);
                var modelTerm = PolynomialExp.Exp(va - valpha * logN);
                var dataTerm = PolynomialExp.Exp(vb - vbeta * logD);
                modelTerm.CopyTo(dA[i..]);
                dataTerm.CopyTo(dB[i..]);
                ve.CopyTo(dE[i..]);
                (-modelTerm * logN).CopyTo(dAlpha[i..]);
                (-dataTerm * logD).CopyTo(dBeta[i..]);
                (ve + modelTerm + dataTerm).CopyTo(values[i..]);
            }
        }
        for (; i < n; i++)
        {
            double logN = cache[2 * i], logD = cache[2 * i + 1];
            double modelTerm = PolynomialExp.Exp(a - alpha * logN);
            double dataTerm = PolynomialExp.Exp(b - beta * logD);
            dA[i] = modelTerm;
            dB[i] = dataTerm;
            dE[i] = irreducible;
            dAlpha[i] = -modelTerm * logN;
            dBeta[i] = -dataTerm * logD;
            values[i] = irreducible + modelTerm + dataTerm;
        }
    }

    /// <summary>log N and log D of rows i … i + 3 from the interleaved cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> LogN, Vector256<double> LogD) Load(ReadOnlySpan<double> cache, int i)
    {
        var rows = cache.Slice(2 * i, 8);
        return (Vector256.Create(rows[0], rows[2], rows[4], rows[6]), Vector256.Create(rows[1], rows[3], rows[5], rows[7]));
    }

    /// <summary>Huber δ = 10⁻³ on log residuals from Hoffmann's 4,500-point grid (independent of the data).</summary>
    public FitRecipe DefaultRecipe(FitData data) => Recipe;
}
