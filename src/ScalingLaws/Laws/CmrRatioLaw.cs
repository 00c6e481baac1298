using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// The CMR loss-versus-ratio law at a fixed token budget: L(R) = α·R^s + β, fitted separately to the
/// domain loss and to the general loss of continual pre-training.
/// </summary>
/// <remarks>
/// <para>Variable: <c>R</c>, the domain share of the continual-pre-training mixture, in (0, 1]
/// (R = |D_dom| / (|D_gen| + |D_dom|)). Output: validation loss in nats/token at the final budget T_max.</para>
/// <para>Parameters: <c>alpha</c> (nats/token), <c>s</c> (dimensionless), <c>beta</c> (nats/token), all of
/// either sign: the paper's domain-loss fits have α &lt; 0 and s ≈ 0.16–0.20.</para>
/// <para>Recipe: least squares on linear residuals (the paper reports MSE and R²); 10 starts with
/// s ∈ {−1, −0.5, −0.25, −0.1, 0.1, 0.2, 0.25, 0.5, 1, 2} and α, β the least-squares line through (R^s, L).</para>
/// <para>Use <see cref="Optimization.CriticalMixtureRatio"/> with the general-loss fit to find the critical
/// mixture ratio.</para>
/// <para>Citation: Gu et al. 2024, "CMR Scaling Law: Predicting Critical Mixture Ratios for Continual
/// Pre-training of Language Models", EMNLP 2024, arXiv:2407.17467, §5.1 and Table 2.</para>
/// </remarks>
public sealed class CmrRatioLaw : IScalingLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["R"];

    private static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("alpha", Initial: -0.2, Description: "amplitude α (nats/token, either sign)"),
        new("s", Initial: 0.2, Description: "ratio exponent s (dimensionless, either sign)"),
        new("beta", Initial: 1.7, Description: "offset β (nats/token)"),
    ];

    /// <summary>Catalogue name: <c>cmr-ratio</c>.</summary>
    public string Name => "cmr-ratio";

    /// <summary><c>alpha*R^s + beta</c>.</summary>
    public string Formula => "alpha*R^s + beta";

    /// <summary><c>R</c> (domain share).</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>alpha</c>, <c>s</c>, <c>beta</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Gu et al. 2024, arXiv:2407.17467, §5.1.</summary>
    public string Citation => "Gu et al. 2024, \"CMR Scaling Law: Predicting Critical Mixture Ratios for Continual Pre-training of Language Models\", EMNLP 2024, arXiv:2407.17467, §5.1 and Table 2.";

    /// <summary>L(R) for θ = (alpha, s, beta).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        return parameters[0] * Math.Pow(x[0], parameters[1]) + parameters[2];
    }

    /// <summary>L(R) and its exact gradient with respect to (alpha, s, beta).</summary>
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

    /// <summary>Least squares on linear residuals from 10 exponent starts with α, β fitted by a line.</summary>
    public FitRecipe DefaultRecipe(FitData data) =>
        new(SquaredLoss.Instance, ResidualSpace.Linear, OffsetPowerStarts.Build(data, this, "alpha", "s", "beta"));
}
