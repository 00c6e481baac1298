using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// BiMix's per-domain law with the scale redundancy removed: L_i(r, s) = r^(−α)·(B·s^(−β) + C).
/// BiMix writes L_i = (A_i/r_i^α_i)·(B_i/s^β_i + C_i); only A·B and A·C are identifiable, so A is fixed
/// to 1 and B, C absorb it. One law is fitted per validation domain.
/// </summary>
/// <remarks>
/// <para>Variables: <c>r</c>, the share in (0, 1] of the modelled domain in the training mixture (rows with
/// r = 0 have infinite predicted loss and must be left out); <c>s</c> &gt; 0, training steps (or tokens).
/// Output: validation loss of the domain in nats/token.</para>
/// <para>Parameters: <c>alpha</c> ≥ 0 (share exponent), <c>B</c> ≥ 0 (nats/token·s^β), <c>beta</c> ≥ 0
/// (step exponent), <c>C</c> ≥ 0 (nats/token).</para>
/// <para>Recipe: BiMix's own fitting procedure is not verified; the toolkit uses least squares on log
/// residuals (the paper reports relative errors), from 50 starts: α ∈ {0, 0.02, 0.05, 0.1, 0.2} ×
/// β ∈ linspace(0.1, 1, 10), with B and C the least-squares line through (s^(−β), r^α·L), clipped at 0.</para>
/// <para>Citation: Ge et al. 2024, "BiMix: A Bivariate Data Mixing Law for Language Model Pretraining",
/// arXiv:2405.14908, Eq. 3.</para>
/// </remarks>
public sealed class BiMixLaw : IScalingLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["r", "s"];

    private static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("alpha", Lower: 0, Initial: 0.05, Description: "share exponent α (dimensionless, ≥ 0)"),
        new("B", Lower: 0, Initial: 10, Description: "step coefficient B (A fixed to 1; ≥ 0)"),
        new("beta", Lower: 0, Initial: 0.5, Description: "step exponent β (dimensionless, ≥ 0)"),
        new("C", Lower: 0, Initial: 2, Description: "asymptotic level C at r = 1 (nats/token; A fixed to 1; ≥ 0)"),
    ];

    /// <summary>Catalogue name: <c>bimix</c>.</summary>
    public string Name => "bimix";

    /// <summary><c>r^(-alpha)*(B*s^(-beta) + C)</c>.</summary>
    public string Formula => "r^(-alpha)*(B*s^(-beta) + C)";

    /// <summary><c>r</c> (domain share) and <c>s</c> (training steps or tokens).</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>alpha</c>, <c>B</c>, <c>beta</c>, <c>C</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Ge et al. 2024, arXiv:2405.14908, Eq. 3.</summary>
    public string Citation => "Ge et al. 2024, \"BiMix: A Bivariate Data Mixing Law for Language Model Pretraining\", arXiv:2405.14908, Eq. 3 (with A_i fixed to 1).";

    /// <summary>L(r, s) for θ = (alpha, B, beta, C).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        return Math.Pow(x[0], -parameters[0]) * (parameters[1] * Math.Pow(x[1], -parameters[2]) + parameters[3]);
    }

    /// <summary>L(r, s) and its exact gradient with respect to (alpha, B, beta, C).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double rPower = Math.Pow(x[0], -parameters[0]);
        double sPower = Math.Pow(x[1], -parameters[2]);
        double inner = parameters[1] * sPower + parameters[3];
        double value = rPower * inner;
        gradient[0] = -value * Math.Log(x[0]);
        gradient[1] = rPower * sPower;
        gradient[2] = -rPower * parameters[1] * sPower * Math.Log(x[1]);
        gradient[3] = rPower;
        return value;
    }

    /// <summary>Least squares on log residuals from 50 data-fitted starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data)
    {
        double[]? r = RecipeData.Column(data, this, 0);
        double[]? s = RecipeData.Column(data, this, 1);
        var y = data.Y.ToArray();
        var starts = new StartList();
        foreach (double alpha in (double[])[0, 0.02, 0.05, 0.1, 0.2])
            for (int j = 0; j < 10; j++)
            {
                double beta = 0.1 + 0.1 * j;
                double b = 10, c = 2;
                if (r is not null && s is not null)
                {
                    var u = new double[y.Length];
                    var target = new double[y.Length];
                    for (int i = 0; i < y.Length; i++)
                    {
                        u[i] = Math.Pow(s[i], -beta);
                        target[i] = y[i] * Math.Pow(r[i], alpha);
                    }
                    if (RecipeData.FitLine(u, target, out double slope, out double intercept))
                    {
                        b = Math.Max(slope, 0);
                        c = b == 0 ? RecipeData.Median(target, 2) : Math.Max(intercept, 0);
                    }
                }
                if (b > 0 || c > 0) starts.Add(("alpha", alpha), ("B", b), ("beta", beta), ("C", c));
            }
        return new FitRecipe(SquaredLoss.Instance, ResidualSpace.Log, starts.Build());
    }
}
