using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Gadre et al.'s over-training law: L(C, M) = E + (a·M^η + b·M^(−η))·C^(−η), where C = 6ND is the
/// training compute and M = D/N the token multiplier. It is the Chinchilla form E + A/N^α + B/D^β with
/// α = β, rewritten with η = α/2, a = A·6^η and b = B·6^η.
/// </summary>
/// <remarks>
/// <para>Variables: <c>C</c>, training FLOPs (6ND); <c>M</c>, tokens per parameter (D/N).
/// Output: validation loss in nats/token.</para>
/// <para>Parameters: <c>E</c> ≥ 0 (irreducible loss, nats/token), <c>a</c> ≥ 0 and <c>b</c> ≥ 0
/// (coefficients, nats/token·FLOP^η), <c>eta</c> ≥ 0 (dimensionless).</para>
/// <para>Recipe: least squares on linear residuals (the paper uses SciPy's Levenberg–Marquardt curve fit);
/// 90 data-scaled starts: η ∈ linspace(0.05, 0.5, 10), E ∈ {0.5, 0.8, 0.95}·min(y), a/b ∈ {1/3, 1, 3},
/// with the scale of a and b chosen so that the law passes through the median loss at the median C and M.</para>
/// <para>Citation: Gadre et al. 2024, "Language models scale reliably with over-training and on downstream
/// tasks", arXiv:2403.08540, Eq. 4.</para>
/// </remarks>
public sealed class OvertrainingLaw : IScalingLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["C", "M"];

    private static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new("E", Lower: 0, Initial: 1.69, Description: "irreducible loss E (nats/token, ≥ 0)"),
        new("a", Lower: 0, Initial: 550, Description: "coefficient a = A·6^η of the model-size term (≥ 0)"),
        new("b", Lower: 0, Initial: 560, Description: "coefficient b = B·6^η of the data term (≥ 0)"),
        new("eta", Lower: 0, Initial: 0.17, Description: "compute exponent η = α/2 (dimensionless, ≥ 0)"),
    ];

    /// <summary>Catalogue name: <c>overtraining</c>.</summary>
    public string Name => "overtraining";

    /// <summary><c>E + (a*M^eta + b*M^(-eta))*C^(-eta)</c>.</summary>
    public string Formula => "E + (a*M^eta + b*M^(-eta))*C^(-eta)";

    /// <summary><c>C</c> (FLOPs, 6ND) and <c>M</c> (tokens per parameter, D/N).</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary><c>E</c>, <c>a</c>, <c>b</c>, <c>eta</c>.</summary>
    public ImmutableArray<ParameterSpec> Parameters => Specs;

    /// <summary>Gadre et al. 2024, arXiv:2403.08540, Eq. 4.</summary>
    public string Citation => "Gadre et al. 2024, \"Language models scale reliably with over-training and on downstream tasks\", arXiv:2403.08540, Eq. 4.";

    /// <summary>L(C, M) for θ = (E, a, b, eta) and x = (C, M).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        double eta = parameters[3];
        double mPower = Math.Pow(x[1], eta);
        return parameters[0] + (parameters[1] * mPower + parameters[2] / mPower) * Math.Pow(x[0], -eta);
    }

    /// <summary>L(C, M) and its exact gradient with respect to (E, a, b, eta).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double a = parameters[1], b = parameters[2], eta = parameters[3];
        double logC = Math.Log(x[0]), logM = Math.Log(x[1]);
        double mPower = Math.Pow(x[1], eta);
        double cPower = Math.Pow(x[0], -eta);
        double bracket = a * mPower + b / mPower;
        gradient[0] = 1;
        gradient[1] = mPower * cPower;
        gradient[2] = cPower / mPower;
        gradient[3] = (a * mPower * logM - b / mPower * logM) * cPower - bracket * cPower * logC;
        return parameters[0] + bracket * cPower;
    }

    /// <summary>Least squares on linear residuals from 90 data-scaled starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data)
    {
        double yMin = RecipeData.MinTarget(data, 2.5);
        double yMedian = RecipeData.MedianTarget(data, 1.2 * yMin);
        double c = RecipeData.MedianOf(data, this, 0, 1e20);
        double m = RecipeData.MedianOf(data, this, 1, 20);
        var starts = new StartList();
        for (int i = 0; i < 10; i++)
        {
            double eta = 0.05 + 0.05 * i;
            foreach (double fraction in (double[])[0.5, 0.8, 0.95])
            {
                double e = fraction * yMin;
                double reducible = Math.Max(yMedian - e, 1e-3 * yMin);
                foreach (double ratio in (double[])[1.0 / 3, 1, 3])
                {
                    double scale = reducible / ((ratio * Math.Pow(m, eta) + Math.Pow(m, -eta)) * Math.Pow(c, -eta));
                    starts.Add(("E", e), ("a", ratio * scale), ("b", scale), ("eta", eta));
                }
            }
        }
        return new FitRecipe(SquaredLoss.Instance, ResidualSpace.Linear, starts.Build());
    }
}
