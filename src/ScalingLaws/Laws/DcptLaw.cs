using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// The D-CPT law (parameterisation L3) for continual pre-training on a mixture of a general and a
/// domain corpus: L(N, D, r) = E + A/N^α + B·r^η/D^β + C/(r + ε)^γ.
/// </summary>
/// <remarks>
/// <para>Variables: <c>N</c>, model parameters; <c>D</c>, continual-pre-training tokens; <c>r</c>, the mixture
/// share in [0, 1] of the corpus whose loss is modelled: r = r_d (domain share) for the domain loss and
/// r = r_g = 1 − r_d for the general loss. The two losses are fitted separately with this same form.
/// Output: validation loss in nats/token.</para>
/// <para>Parameters: <c>E</c>, <c>A</c>, <c>B</c>, <c>C</c> ≥ 0; <c>alpha</c>, <c>beta</c>, <c>gamma</c> ≥ 0;
/// <c>eta</c> of either sign; <c>epsilon</c> &gt; 0 (fitted, as in the paper's nine-parameter set).
/// At r = 0 the term r^η is 0 for η &gt; 0 and its derivative in η is taken as 0.</para>
/// <para>Recipe: Huber loss with δ = 10⁻³ on log residuals (the paper fits "Chinchilla-style"; its exact
/// δ and grid are not verified), from 512 quasi-random starts in E ∈ [0, min y], A, B ∈ [1, 1000],
/// C ∈ [0, 1], α, β ∈ [0.05, 1], η ∈ [−1, 1], γ ∈ [0, 1], ε ∈ [0.001, 0.1].</para>
/// <para>Citation: Que et al. 2024, "D-CPT Law: Domain-specific Continual Pre-Training Scaling Law for
/// Large Language Models", NeurIPS 2024, arXiv:2406.01375, parameterisation L3.</para>
/// </remarks>
public sealed class DcptLaw : IScalingLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["N", "D", "r"];

    /// <summary>Catalogue name: <c>dcpt</c>.</summary>
    public string Name => "dcpt";

    /// <summary><c>E + A/N^alpha + B*r^eta/D^beta + C/(r + epsilon)^gamma</c>.</summary>
    public string Formula => DcptTerms.Formula;

    /// <summary><c>N</c> (parameters), <c>D</c> (tokens), <c>r</c> (share of the modelled corpus).</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>E</c>, <c>A</c>, <c>B</c>, <c>C</c>, <c>alpha</c>, <c>beta</c>, <c>eta</c>, <c>gamma</c>, <c>epsilon</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => DcptTerms.Specs;

    /// <summary>Que et al. 2024, arXiv:2406.01375 (L3).</summary>
    public string Citation => "Que et al. 2024, \"D-CPT Law: Domain-specific Continual Pre-Training Scaling Law for Large Language Models\", NeurIPS 2024, arXiv:2406.01375, parameterisation L3.";

    /// <summary>L(N, D, r) for θ = (E, A, B, C, alpha, beta, eta, gamma, epsilon).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        return DcptTerms.Evaluate(parameters, x);
    }

    /// <summary>L(N, D, r) and its exact gradient.</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        return DcptTerms.EvaluateWithGradient(parameters, x, gradient);
    }

    /// <summary>Huber δ = 10⁻³ on log residuals from 512 quasi-random starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data) =>
        new(new HuberLoss(1e-3), ResidualSpace.Log, new RandomStarts(512, DcptTerms.Ranges(RecipeData.MinTarget(data, 2.0))));
}
