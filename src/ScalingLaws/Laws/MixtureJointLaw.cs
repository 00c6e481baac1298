using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Shukor et al.'s joint mixture law: L(N, D, h) = E + 1/(Σ_i C_i·h_i^γ_i) + A_h/N^α + B_h/D^β with
/// A_h = (Σ_i C^A_i·h_i)^γ^A and B_h = (Σ_i C^B_i·h_i)^γ^B; α and β do not depend on h. It reduces to the
/// additive law when γ^A = γ^B = 1, C^A_i = A and C^B_i = B. One law is fitted per target domain.
/// </summary>
/// <remarks>
/// <para>Variables: <c>N</c>, parameters; <c>D</c>, training tokens; then the k domain-weight columns
/// (shares summing to 1). Output: target validation loss in nats/token.</para>
/// <para>Parameters (5 + 4k): <c>E</c> ≥ 0, <c>alpha</c>, <c>beta</c> ≥ 0, <c>C_&lt;domain&gt;</c> ≥ 0,
/// <c>gamma_&lt;domain&gt;</c> ≥ 0, <c>CA_&lt;domain&gt;</c> ≥ 0, <c>gamma_A</c>, <c>CB_&lt;domain&gt;</c> ≥ 0,
/// <c>gamma_B</c>, in that order; suffixes are the column names without a leading <c>h_</c> or <c>r_</c>.</para>
/// <para>Recipe (paper §2.3): Huber loss with δ = 10⁻³ on linear residuals, 512 quasi-random starts in
/// E ∈ [0, min y], α, β ∈ [0.05, 1], C_i ∈ [0.1, 10], γ_i ∈ [0, 2], C^A_i, C^B_i ∈ [1, 500],
/// γ^A, γ^B ∈ [0.5, 1.5].</para>
/// <para>Citation: Shukor et al. 2025, "Scaling Laws for Optimal Data Mixtures", arXiv:2507.09404, Eq. 2.5.</para>
/// </remarks>
public sealed class MixtureJointLaw : IMixtureLaw
{
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
        specs.Add(new ParameterSpec("alpha", Lower: 0, Initial: 0.3, Description: "model-size exponent α (≥ 0)"));
        specs.Add(new ParameterSpec("beta", Lower: 0, Initial: 0.3, Description: "data exponent β (≥ 0)"));
        foreach (string s in suffixes)
            specs.Add(new ParameterSpec("C_" + s, Lower: 0, Initial: 1, Description: $"weight C of domain '{s}' in the bias term (≥ 0)"));
        foreach (string s in suffixes)
            specs.Add(new ParameterSpec("gamma_" + s, Lower: 0, Initial: 0.5, Description: $"exponent γ of domain '{s}' in the bias term (≥ 0)"));
        foreach (string s in suffixes)
            specs.Add(new ParameterSpec("CA_" + s, Lower: 0, Initial: 100, Description: $"weight C^A of domain '{s}' in A_h (≥ 0)"));
        specs.Add(new ParameterSpec("gamma_A", Initial: 1, Description: "exponent γ^A of A_h"));
        foreach (string s in suffixes)
            specs.Add(new ParameterSpec("CB_" + s, Lower: 0, Initial: 100, Description: $"weight C^B of domain '{s}' in B_h (≥ 0)"));
        specs.Add(new ParameterSpec("gamma_B", Initial: 1, Description: "exponent γ^B of B_h"));
        Parameters = specs.MoveToImmutable();
        DomainColumns.CheckNames(Parameters, Variables, Name);
        string sumA = string.Join(" + ", Domains.Select((d, i) => $"CA_{suffixes[i]}*{d}"));
        string sumB = string.Join(" + ", Domains.Select((d, i) => $"CB_{suffixes[i]}*{d}"));
        Formula = $"E + 1/({MixtureBiasTerm.Text(Domains)}) + ({sumA})^gamma_A/N^alpha + ({sumB})^gamma_B/D^beta";
    }

    /// <summary>The domain-weight columns, in order.</summary>
    public ImmutableArray<string> Domains { get; }

    /// <summary>Catalogue name: <c>mixture-joint</c>.</summary>
    public string Name => "mixture-joint";

    /// <summary>The law in the formula language with the actual column names.</summary>
    public string Formula { get; }

    /// <summary><c>N</c>, <c>D</c>, then the domain-weight columns.</summary>
    public ImmutableArray<string> Variables { get; }

    /// <summary>E, alpha, beta, C_i…, gamma_i…, CA_i…, gamma_A, CB_i…, gamma_B.</summary>
    public ImmutableArray<ParameterSpec> Parameters { get; }

    /// <summary>Shukor et al. 2025, arXiv:2507.09404, Eq. 2.5.</summary>
    public string Citation => "Shukor et al. 2025, \"Scaling Laws for Optimal Data Mixtures\", arXiv:2507.09404, Eq. 2.5 (joint law).";

    private int OffsetC => 3;
    private int OffsetGamma => 3 + _k;
    private int OffsetCA => 3 + 2 * _k;
    private int IndexGammaA => 3 + 3 * _k;
    private int OffsetCB => 4 + 3 * _k;
    private int IndexGammaB => 4 + 4 * _k;

    /// <summary>L(N, D, h) for θ in the order of <see cref="Parameters"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        var h = x[2..];
        double s = MixtureBiasTerm.Sum(parameters.Slice(OffsetC, _k), parameters.Slice(OffsetGamma, _k), h);
        double sumA = Dot(parameters.Slice(OffsetCA, _k), h), sumB = Dot(parameters.Slice(OffsetCB, _k), h);
        return parameters[0] + 1 / s
            + Math.Pow(sumA, parameters[IndexGammaA]) / Math.Pow(x[0], parameters[1])
            + Math.Pow(sumB, parameters[IndexGammaB]) / Math.Pow(x[1], parameters[2]);
    }

    /// <summary>L(N, D, h) and its exact gradient.</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        var h = x[2..];
        double bias = MixtureBiasTerm.WithGradient(parameters.Slice(OffsetC, _k), parameters.Slice(OffsetGamma, _k), h,
            gradient.Slice(OffsetC, _k), gradient.Slice(OffsetGamma, _k));
        double gammaA = parameters[IndexGammaA], gammaB = parameters[IndexGammaB];
        double sumA = Dot(parameters.Slice(OffsetCA, _k), h), sumB = Dot(parameters.Slice(OffsetCB, _k), h);
        double modelTerm = Math.Pow(sumA, gammaA) / Math.Pow(x[0], parameters[1]);
        double dataTerm = Math.Pow(sumB, gammaB) / Math.Pow(x[1], parameters[2]);
        gradient[0] = 1;
        gradient[1] = -modelTerm * Math.Log(x[0]);
        gradient[2] = -dataTerm * Math.Log(x[1]);
        for (int i = 0; i < _k; i++)
        {
            gradient[OffsetCA + i] = modelTerm * gammaA * h[i] / sumA;
            gradient[OffsetCB + i] = dataTerm * gammaB * h[i] / sumB;
        }
        gradient[IndexGammaA] = modelTerm * Math.Log(sumA);
        gradient[IndexGammaB] = dataTerm * Math.Log(sumB);
        return parameters[0] + bias + modelTerm + dataTerm;
    }

    /// <summary>Huber δ = 10⁻³ on linear residuals from 512 quasi-random starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data)
    {
        var ranges = ImmutableDictionary.CreateBuilder<string, (double Lower, double Upper)>();
        ranges["E"] = (0, RecipeData.MinTarget(data, 2.0));
        ranges["alpha"] = (0.05, 1);
        ranges["beta"] = (0.05, 1);
        for (int i = 0; i < _k; i++)
        {
            ranges[Parameters[OffsetC + i].Name] = (0.1, 10);
            ranges[Parameters[OffsetGamma + i].Name] = (0, 2);
            ranges[Parameters[OffsetCA + i].Name] = (1, 500);
            ranges[Parameters[OffsetCB + i].Name] = (1, 500);
        }
        ranges["gamma_A"] = (0.5, 1.5);
        ranges["gamma_B"] = (0.5, 1.5);
        return new FitRecipe(new HuberLoss(1e-3), ResidualSpace.Linear, new RandomStarts(512, ranges.ToImmutable()));
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
