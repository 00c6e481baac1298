using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// The Cross-Domain D-CPT law: L(N, D, r, K) = E + A/N^α + B·r^η/D^β + C/(r + ε)^γ + F/K^μ, where K is the
/// domain-specific learnable coefficient (DLC) of the target domain.
/// </summary>
/// <remarks>
/// <para>Variables: <c>N</c>, parameters; <c>D</c>, continual-pre-training tokens; <c>r</c>, the share of the
/// modelled corpus (see <see cref="DcptLaw"/>); <c>K</c> &gt; 0, the domain's DLC (the paper estimates it
/// from about 1% of a normal training run; its exact definition is not verified here, so K is read from
/// the data as given). Output: validation loss in nats/token.</para>
/// <para>Parameters: those of <see cref="DcptLaw"/> plus <c>F</c> ≥ 0 and <c>mu</c> ≥ 0.</para>
/// <para>Recipe: as <see cref="DcptLaw"/> (Huber δ = 10⁻³ on log residuals), 512 quasi-random starts with
/// additionally F ∈ [0, 1] and μ ∈ [0, 2].</para>
/// <para>Citation: Que et al. 2024, "D-CPT Law", NeurIPS 2024, arXiv:2406.01375, Cross-Domain D-CPT Law.</para>
/// </remarks>
public sealed class DcptCrossDomainLaw : IScalingLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["N", "D", "r", "K"];

    private static readonly ImmutableArray<ParameterSpec> Specs = DcptTerms.Specs.AddRange(
        new ParameterSpec("F", Lower: 0, Initial: 0.1, Description: "coefficient F of the domain term (nats/token, ≥ 0)"),
        new ParameterSpec("mu", Lower: 0, Initial: 0.5, Description: "exponent μ of the domain coefficient K (≥ 0)"));

    /// <summary>Catalogue name: <c>dcpt-cross-domain</c>.</summary>
    public string Name => "dcpt-cross-domain";

    /// <summary><c>E + A/N^alpha + B*r^eta/D^beta + C/(r + epsilon)^gamma + F/K^mu</c>.</summary>
    public string Formula => DcptTerms.Formula + " + F/K^mu";

    /// <summary><c>N</c>, <c>D</c>, <c>r</c>, <c>K</c>.</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary>The nine D-CPT parameters, then <c>F</c> and <c>mu</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Que et al. 2024, arXiv:2406.01375 (Cross-Domain D-CPT Law).</summary>
    public string Citation => "Que et al. 2024, \"D-CPT Law: Domain-specific Continual Pre-Training Scaling Law for Large Language Models\", NeurIPS 2024, arXiv:2406.01375, Cross-Domain D-CPT Law.";

    /// <summary>L(N, D, r, K) for θ = (E, A, B, C, alpha, beta, eta, gamma, epsilon, F, mu).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        return DcptTerms.Evaluate(parameters, x) + parameters[9] / Math.Pow(x[3], parameters[10]);
    }

    /// <summary>L(N, D, r, K) and its exact gradient.</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double value = DcptTerms.EvaluateWithGradient(parameters, x, gradient);
        double kPower = Math.Pow(x[3], parameters[10]);
        double domainTerm = parameters[9] / kPower;
        gradient[9] = 1 / kPower;
        gradient[10] = -domainTerm * Math.Log(x[3]);
        return value + domainTerm;
    }

    /// <summary>Huber δ = 10⁻³ on log residuals from 512 quasi-random starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data)
    {
        var ranges = DcptTerms.Ranges(RecipeData.MinTarget(data, 2.0)).Add("F", (0, 1)).Add("mu", (0, 2));
        return new FitRecipe(new HuberLoss(1e-3), ResidualSpace.Log, new RandomStarts(512, ranges));
    }
}
