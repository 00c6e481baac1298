using System.Collections.Immutable;
using ScalingLaws.Expressions;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// A saturating power law in one variable, L(x) = E + A·x^(−α), written as in the Data Mixing Laws
/// code: L(x) = exp(log_c) + exp(α·(log_k − log x)) = c + (k/x)^α, so that E = c = exp(log_c) and
/// A = k^α are positive by construction.
/// </summary>
/// <remarks>
/// <para>Variable: <c>x</c>, any positive scale (training tokens or steps for Ye et al.'s step law,
/// non-embedding parameters for their size law, training-set size for Hestness et al.'s learning curves).
/// Output: loss (or error) in the target's units.</para>
/// <para>Parameters: <c>log_c</c> (log of the irreducible level c, same units as the target),
/// <c>log_k</c> (log of the scale k, in units of x: the reducible part equals 1 at x = k), and
/// <c>alpha</c> ≥ 0. Hestness's exponent β_g equals −α.</para>
/// <para>Recipe: Huber loss with δ = 0.02 on linear residuals (Ye et al.'s step-law setting; their size
/// law used δ = 0.08); 120 data-scaled starts: α ∈ linspace(0.05, 1.5, 30), c ∈ {0.5, 0.75, 0.9, 0.97}·min(y),
/// and log_k chosen so that the curve passes through the median target at the median x.
/// Ye et al. share α across several curves; that shared fit is not expressible with this single-curve law.</para>
/// <para>Citation: Hestness et al. 2017, arXiv:1712.00409 (ε(m) = α·m^β_g + γ); parameterisation of
/// Ye et al. 2025, "Data Mixing Laws", arXiv:2403.16952, Eq. 3 and the code yegcjs/mixinglaws.</para>
/// </remarks>
public sealed class PowerLaw : IScalingLaw, IRowCachedLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["x"];

    private static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("log_c", Initial: 0.5, Description: "log of the irreducible level c = E (target units)"),
        new("log_k", Initial: 20.0, Description: "log of the scale k (units of x); A = k^alpha"),
        new("alpha", Lower: 0, Initial: 0.5, Description: "decay exponent α (dimensionless, ≥ 0)"),
    ];

    /// <summary>Catalogue name: <c>power</c>.</summary>
    public string Name => "power";

    /// <summary><c>exp(log_c) + exp(alpha*(log_k - log(x)))</c>.</summary>
    public string Formula => "exp(log_c) + exp(alpha*(log_k - log(x)))";

    /// <summary><c>x</c>.</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>log_c</c>, <c>log_k</c>, <c>alpha</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Hestness et al. 2017; parameterisation of Ye et al. 2025 (Data Mixing Laws).</summary>
    public string Citation => "Hestness et al. 2017, \"Deep Learning Scaling is Predictable, Empirically\", arXiv:1712.00409; parameterised as in Ye et al. 2025, \"Data Mixing Laws\", arXiv:2403.16952, Eq. 3 (code: yegcjs/mixinglaws).";

    /// <summary>L(x) for θ = (log_c, log_k, alpha).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        return FastMath.Exp(parameters[0]) + FastMath.Exp(parameters[2] * (parameters[1] - Math.Log(x[0])));
    }

    /// <summary>L(x) and its exact gradient with respect to (log_c, log_k, alpha).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double c = FastMath.Exp(parameters[0]);
        double gap = parameters[1] - Math.Log(x[0]);
        double reducible = FastMath.Exp(parameters[2] * gap);
        gradient[0] = c;
        gradient[1] = reducible * parameters[2];
        gradient[2] = reducible * gap;
        return c + reducible;
    }

    /// <summary>Cache: log x.</summary>
    int IRowCachedLaw.CacheWidth => 1;

    void IRowCachedLaw.FillCache(ReadOnlySpan<double> x, Span<double> cache)
    {
        RowCache.CheckRow(1, 1, x.Length, cache.Length);
        cache[0] = Math.Log(x[0]);
    }

    void IRowCachedLaw.EvaluateRows(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values)
    {
        RowCache.Check(3, 1, parameters.Length, cache.Length, values.Length);
        double c = FastMath.Exp(parameters[0]), logK = parameters[1], alpha = parameters[2];
        for (int i = 0; i < values.Length; i++) values[i] = c + FastMath.Exp(alpha * (logK - cache[i]));
    }

    void IRowCachedLaw.EvaluateRowsWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> cache, Span<double> values, Span<double> gradient)
    {
        int n = values.Length;
        RowCache.Check(3, 1, parameters.Length, cache.Length, n, gradient.Length);
        double c = FastMath.Exp(parameters[0]), logK = parameters[1], alpha = parameters[2];
        for (int i = 0; i < n; i++)
        {
            double gap = logK - cache[i];
            double reducible = FastMath.Exp(alpha * gap);
            gradient[i] = c;
            gradient[n + i] = reducible * alpha;
            gradient[2 * n + i] = reducible * gap;
            values[i] = c + reducible;
        }
    }

    /// <summary>Huber δ = 0.02 on linear residuals from 120 data-scaled starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data)
    {
        double yMin = RecipeData.MinTarget(data, 2.0);
        double yMedian = RecipeData.MedianTarget(data, 1.2 * yMin);
        double logX = Math.Log(RecipeData.MedianOf(data, this, 0, 1e9));
        var starts = new StartList();
        foreach (double fraction in (double[])[0.5, 0.75, 0.9, 0.97])
        {
            double c = fraction * yMin;
            double reducible = Math.Max(yMedian - c, 1e-3 * yMin);
            for (int i = 0; i < 30; i++)
            {
                double alpha = 0.05 + (1.5 - 0.05) * i / 29;
                starts.Add(("log_c", Math.Log(c)), ("log_k", logX + Math.Log(reducible) / alpha), ("alpha", alpha));
            }
        }
        return new FitRecipe(new HuberLoss(0.02), ResidualSpace.Linear, starts.Build());
    }
}
