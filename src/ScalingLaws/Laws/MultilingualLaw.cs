using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Fernandes et al.'s multilingual law for one task (language pair) trained with weight p:
/// L(N; p) = β·(f(p)·N)^(−α) + L_∞ with the effective-parameter fraction f(p) = p + c₁·p^c₂·(1 − p)^c₃,
/// so f(0) = 0 and f(1) = 1: a model of size N at weight p behaves like a single-task model of size f(p)·N.
/// </summary>
/// <remarks>
/// <para>Variables: <c>N</c>, non-embedding parameters; <c>p</c>, the task's sampling weight in (0, 1]
/// (at p = 0 the law is infinite; leave such rows out). Output: the task's loss in nats/token.</para>
/// <para>Parameters: <c>beta</c> ≥ 0 (β_{1,i}, the single-task coefficient), <c>alpha</c> ≥ 0, <c>L_inf</c> ≥ 0
/// (nats/token), <c>c1</c> (either sign; c₁ &gt; 0 means synergy with the other task), <c>c2</c> ≥ 0,
/// <c>c3</c> ≥ 0. f(p) must stay positive over the data.</para>
/// <para>Recipe: the paper's fitting loss is not stated; the toolkit uses least squares on linear
/// residuals from 64 starts: α ∈ linspace(0.05, 1, 8), c₁ ∈ {0, 0.5, 1, 2} with c₂ = c₃ = 1,
/// L_∞ ∈ {0.5, 0.9}·min(y), and β set so that the law passes through the median loss at the median N and p.</para>
/// <para>Citation: Fernandes et al. 2023, "Scaling Laws for Multilingual Neural Machine Translation",
/// ICML 2023, arXiv:2302.09650, Eq. 11–12.</para>
/// </remarks>
public sealed class MultilingualLaw : IScalingLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["N", "p"];

    private static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("beta", Lower: 0, Initial: 100, Description: "coefficient β of the single-task law (≥ 0)"),
        new("alpha", Lower: 0, Initial: 0.3, Description: "model-size exponent α (dimensionless, ≥ 0)"),
        new("L_inf", Lower: 0, Initial: 1.0, Description: "irreducible loss L_∞ (nats/token, ≥ 0)"),
        new("c1", Initial: 0.0, Description: "amplitude c₁ of the deviation of f(p) from p (either sign)"),
        new("c2", Lower: 0, Initial: 1.0, Description: "exponent c₂ of p in f(p) (≥ 0)"),
        new("c3", Lower: 0, Initial: 1.0, Description: "exponent c₃ of (1 − p) in f(p) (≥ 0)"),
    ];

    /// <summary>Catalogue name: <c>multilingual</c>.</summary>
    public string Name => "multilingual";

    /// <summary><c>beta*((p + c1*p^c2*(1 - p)^c3)*N)^(-alpha) + L_inf</c>.</summary>
    public string Formula => "beta*((p + c1*p^c2*(1 - p)^c3)*N)^(-alpha) + L_inf";

    /// <summary><c>N</c> (parameters) and <c>p</c> (task weight).</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>beta</c>, <c>alpha</c>, <c>L_inf</c>, <c>c1</c>, <c>c2</c>, <c>c3</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Fernandes et al. 2023, arXiv:2302.09650, Eq. 11–12.</summary>
    public string Citation => "Fernandes et al. 2023, \"Scaling Laws for Multilingual Neural Machine Translation\", ICML 2023, arXiv:2302.09650, Eq. 11–12.";

    /// <summary>L(N; p) for θ = (beta, alpha, L_inf, c1, c2, c3).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        double p = x[1];
        double f = p + parameters[3] * Math.Pow(p, parameters[4]) * Math.Pow(1 - p, parameters[5]);
        return parameters[0] * Math.Pow(f * x[0], -parameters[1]) + parameters[2];
    }

    /// <summary>L(N; p) and its exact gradient with respect to (beta, alpha, L_inf, c1, c2, c3).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double beta = parameters[0], alpha = parameters[1], c1 = parameters[3];
        double p = x[1];
        double pPower = LawMath.PowWithExponentDerivative(p, parameters[4], out double pPowerByC2);
        double qPower = LawMath.PowWithExponentDerivative(1 - p, parameters[5], out double qPowerByC3);
        double f = p + c1 * pPower * qPower;
        double effective = f * x[0];
        double power = Math.Pow(effective, -alpha);
        double byF = -alpha * beta * power / f;
        gradient[0] = power;
        gradient[1] = -beta * power * Math.Log(effective);
        gradient[2] = 1;
        gradient[3] = byF * pPower * qPower;
        gradient[4] = byF * c1 * pPowerByC2 * qPower;
        gradient[5] = byF * c1 * pPower * qPowerByC3;
        return beta * power + parameters[2];
    }

    /// <summary>Least squares on linear residuals from 64 data-scaled starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data)
    {
        double yMin = RecipeData.MinTarget(data, 2.0);
        double yMedian = RecipeData.MedianTarget(data, 1.2 * yMin);
        double n = RecipeData.MedianOf(data, this, 0, 1e8);
        double p = Math.Min(RecipeData.MedianOf(data, this, 1, 0.5), 1);
        var starts = new StartList();
        for (int i = 0; i < 8; i++)
        {
            double alpha = 0.05 + 0.95 * i / 7;
            foreach (double c1 in (double[])[0, 0.5, 1, 2])
            {
                double f = p + c1 * p * (1 - p);
                foreach (double fraction in (double[])[0.5, 0.9])
                {
                    double lInf = fraction * yMin;
                    double beta = Math.Max(yMedian - lInf, 1e-3 * yMin) * Math.Pow(f * n, alpha);
                    starts.Add(("beta", beta), ("alpha", alpha), ("L_inf", lInf), ("c1", c1), ("c2", 1.0), ("c3", 1.0));
                }
            }
        }
        return new FitRecipe(SquaredLoss.Instance, ResidualSpace.Linear, starts.Build());
    }
}
