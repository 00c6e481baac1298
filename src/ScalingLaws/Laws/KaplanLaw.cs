using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Kaplan et al.'s joint law in model size and data: L(N, D) = [ (N_c/N)^(α_N/α_D) + D_c/D ]^α_D.
/// It has no irreducible term.
/// </summary>
/// <remarks>
/// <para>Variables: <c>N</c>, non-embedding parameters; <c>D</c>, training tokens. Output: loss in nats/token
/// (Kaplan et al. trained with early stopping on WebText2).</para>
/// <para>Parameters: <c>alpha_N</c> ≥ 0, <c>alpha_D</c> &gt; 0 (exponents), <c>N_c</c> ≥ 0 (parameters),
/// <c>D_c</c> ≥ 0 (tokens). Published fit (Table 2): α_N = 0.076, α_D = 0.103, N_c = 6.4·10¹³, D_c = 1.8·10¹³.</para>
/// <para>Recipe: the paper does not state its fitting loss; the toolkit uses least squares on log
/// residuals, from 100 data-scaled starts: α_N, α_D on a 10 × 10 grid in [0.03, 0.3], and N_c, D_c set so
/// that the two inner terms are equal and the law passes through the median loss at the median N and D.</para>
/// <para>Citation: Kaplan et al. 2020, "Scaling Laws for Neural Language Models", arXiv:2001.08361, Eq. 1.5, Table 2.</para>
/// </remarks>
public sealed class KaplanLaw : IScalingLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["N", "D"];

    private static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("alpha_N", Lower: 0, Initial: 0.076, Description: "model-size exponent α_N (dimensionless, ≥ 0)"),
        new("alpha_D", Lower: 1e-6, Initial: 0.103, Description: "data exponent α_D (dimensionless, > 0)"),
        new("N_c", Lower: 0, Initial: 6.4e13, Description: "critical model size N_c (non-embedding parameters)"),
        new("D_c", Lower: 0, Initial: 1.8e13, Description: "critical data size D_c (tokens)"),
    ];

    /// <summary>Catalogue name: <c>kaplan</c>.</summary>
    public string Name => "kaplan";

    /// <summary><c>((N_c/N)^(alpha_N/alpha_D) + D_c/D)^alpha_D</c>.</summary>
    public string Formula => "((N_c/N)^(alpha_N/alpha_D) + D_c/D)^alpha_D";

    /// <summary><c>N</c> (non-embedding parameters) and <c>D</c> (tokens).</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>alpha_N</c>, <c>alpha_D</c>, <c>N_c</c>, <c>D_c</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Kaplan et al. 2020, arXiv:2001.08361, Eq. 1.5.</summary>
    public string Citation => "Kaplan et al. 2020, \"Scaling Laws for Neural Language Models\", arXiv:2001.08361, Eq. 1.5 and Table 2.";

    /// <summary>L(N, D) for θ = (alpha_N, alpha_D, N_c, D_c) and x = (N, D).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        double u = Math.Pow(parameters[2] / x[0], parameters[0] / parameters[1]);
        double v = parameters[3] / x[1];
        return Math.Pow(u + v, parameters[1]);
    }

    /// <summary>L(N, D) and its exact gradient with respect to (alpha_N, alpha_D, N_c, D_c).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double alphaN = parameters[0], alphaD = parameters[1], nc = parameters[2], dc = parameters[3];
        double ratio = alphaN / alphaD;
        double u = Math.Pow(nc / x[0], ratio);
        double v = dc / x[1];
        double s = u + v;
        double value = Math.Pow(s, alphaD);
        double logRatio = u == 0 ? 0 : Math.Log(nc / x[0]);
        double common = value * alphaD / s;
        gradient[0] = common * u * logRatio / alphaD;
        gradient[1] = value * Math.Log(s) - common * u * logRatio * ratio / alphaD;
        gradient[2] = u == 0 ? 0 : common * u * ratio / nc;
        gradient[3] = common / x[1];
        return value;
    }

    /// <summary>Least squares on log residuals from 100 data-scaled starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data)
    {
        double y = RecipeData.MedianTarget(data, 3.0);
        if (!(y > 0)) y = 3.0;
        double n = RecipeData.MedianOf(data, this, 0, 1e9);
        double d = RecipeData.MedianOf(data, this, 1, 2e10);
        var starts = new StartList();
        for (int i = 0; i < 10; i++)
        {
            double alphaN = 0.03 + 0.03 * i;
            for (int j = 0; j < 10; j++)
            {
                double alphaD = 0.03 + 0.03 * j;
                double half = 0.5 * Math.Pow(y, 1 / alphaD);
                starts.Add(("alpha_N", alphaN), ("alpha_D", alphaD),
                    ("N_c", n * Math.Pow(half, alphaD / alphaN)), ("D_c", d * half));
            }
        }
        return new FitRecipe(SquaredLoss.Instance, ResidualSpace.Log, starts.Build());
    }
}
