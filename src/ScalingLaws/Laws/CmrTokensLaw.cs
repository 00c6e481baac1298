using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// The CMR scaling law in the token budget: R_CMR(T) = a·T^s + b, the critical mixture ratio (largest
/// domain share whose general loss stays within tolerance) as a function of the training budget.
/// </summary>
/// <remarks>
/// <para>Variable: <c>T</c>, the continual-pre-training token budget, in the unit used for the fit (the
/// paper's Table 5 uses units of 0.2B tokens, so T = 100 is 20B tokens); a depends on that unit.
/// Output: the critical mixture ratio as a fraction in [0, 1].</para>
/// <para>Parameters: <c>a</c>, <c>s</c>, <c>b</c>, all of either sign (Table 5 has negative a and s for the
/// 1.6B and 3.1B models). Table 5 (Finance): 460M (0.22524761, 0.26944345, −0.48139982),
/// 940M (0.7520627, 0.13720245, −1.06581937), 1.6B (−2.36384831, −0.15125569, 1.59223649),
/// 3.1B (−2.5368197, −0.42071423, 0.84375368); at T = 100 they give 29.76%, 34.89%, 41.43%, 47.83%.</para>
/// <para>Recipe: least squares on linear residuals; 10 starts with s ∈ {−1, −0.5, −0.25, −0.1, 0.1, 0.2,
/// 0.25, 0.5, 1, 2} and a, b the least-squares line through (T^s, R).</para>
/// <para>Citation: Gu et al. 2024, "CMR Scaling Law", EMNLP 2024, arXiv:2407.17467, Eq. 8 and Table 5.</para>
/// </remarks>
public sealed class CmrTokensLaw : IScalingLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["T"];

    private static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("a", Initial: 0.5, Description: "amplitude a (fraction per unit of T^s, either sign)"),
        new("s", Initial: 0.2, Description: "token exponent s (dimensionless, either sign)"),
        new("b", Initial: -0.5, Description: "offset b (fraction)"),
    ];

    /// <summary>Catalogue name: <c>cmr-tokens</c>.</summary>
    public string Name => "cmr-tokens";

    /// <summary><c>a*T^s + b</c>.</summary>
    public string Formula => "a*T^s + b";

    /// <summary><c>T</c> (token budget).</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>a</c>, <c>s</c>, <c>b</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Gu et al. 2024, arXiv:2407.17467, Eq. 8.</summary>
    public string Citation => "Gu et al. 2024, \"CMR Scaling Law: Predicting Critical Mixture Ratios for Continual Pre-training of Language Models\", EMNLP 2024, arXiv:2407.17467, Eq. 8 and Table 5.";

    /// <summary>R_CMR(T) for θ = (a, s, b).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        return parameters[0] * Math.Pow(x[0], parameters[1]) + parameters[2];
    }

    /// <summary>R_CMR(T) and its exact gradient with respect to (a, s, b).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double power = LawMath.PowWithExponentDerivative(x[0], parameters[1], out double powerByS);
        gradient[0] = power;
        gradient[1] = parameters[0] * powerByS;
        gradient[2] = 1;
        return parameters[0] * power + parameters[2];
    }

    /// <summary>Least squares on linear residuals from 10 exponent starts with a, b fitted by a line.</summary>
    public FitRecipe DefaultRecipe(FitData data) =>
        new(SquaredLoss.Instance, ResidualSpace.Linear, OffsetPowerStarts.Build(data, this, "a", "s", "b"));
}
