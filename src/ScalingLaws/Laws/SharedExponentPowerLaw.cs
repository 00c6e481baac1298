using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Several saturating power laws with one shared exponent, as Ye et al. fit their step and size laws:
/// curve c (0-based) follows L_c(x) = exp(log_c_c) + exp(α·(log_k_c − log x)) = c_c + (k_c/x)^α.
/// </summary>
/// <remarks>
/// <para>Variables: <c>x</c> (positive scale: training steps or tokens for the step law, non-embedding
/// parameters for the size law) and <c>curve</c>, the 0-based index of the curve a row belongs to.</para>
/// <para>Parameters: <c>log_c_1</c> … <c>log_c_m</c>, <c>log_k_1</c> … <c>log_k_m</c> (one level and one
/// scale per curve, numbered from 1) and the shared exponent <c>alpha</c> ≥ 0.</para>
/// <para>Recipe: Huber loss with δ = 0.05 on linear residuals from one start found by variable projection: for a
/// fixed α every curve is linear in (c, k^α), so every curve is solved by least squares (c and k^α kept positive)
/// for each α on a grid of 300 values in (0, 3]; the start is the solution at the α with the least total squared
/// residual (this grid is the multi-start: it replaces Ye et al.'s random starts, α ∈ [0.65, 0.9] for steps and
/// [0.3, 0.8] for sizes, kept in <see cref="MinimumStartExponent"/> and <see cref="MaximumStartExponent"/> for
/// reference). Levenberg–Marquardt then fits all parameters jointly. With one curve this is <see cref="PowerLaw"/>.</para>
/// <para>Citation: Ye et al. 2025, "Data Mixing Laws", arXiv:2403.16952, Eq. 3, and the code
/// yegcjs/mixinglaws (<c>power_law_share_alpha</c>, <c>pipeline/steplaw.py</c>, <c>pipeline/sizelaw.py</c>).</para>
/// </remarks>
public sealed class SharedExponentPowerLaw : IScalingLaw
{
    private static readonly ImmutableArray<string> VariableNames = ["x", "curve"];

    /// <summary>Creates the law for <paramref name="curves"/> curves.</summary>
    /// <param name="curves">m ≥ 1, the number of curves.</param>
    /// <param name="minimumStartExponent">Smallest α of the start grid (Ye et al.: 0.65 for steps, 0.3 for sizes).</param>
    /// <param name="maximumStartExponent">Largest α of the start grid (Ye et al.: 0.9 for steps, 0.8 for sizes).</param>
    /// <exception cref="ArgumentOutOfRangeException">m &lt; 1, or the start exponents are not 0 &lt; min ≤ max.</exception>
    public SharedExponentPowerLaw(int curves, double minimumStartExponent = 0.65, double maximumStartExponent = 0.9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(curves, 1);
        if (!(minimumStartExponent > 0) || !(maximumStartExponent >= minimumStartExponent))
            throw new ArgumentOutOfRangeException(nameof(minimumStartExponent), "Need 0 < minimum ≤ maximum start exponent.");
        Curves = curves;
        MinimumStartExponent = minimumStartExponent;
        MaximumStartExponent = maximumStartExponent;
        var specs = ImmutableArray.CreateBuilder<ParameterSpec>(2 * curves + 1);
        for (int c = 1; c <= curves; c++)
            specs.Add(new ParameterSpec(LevelName(c - 1), Initial: 0.5, Description: string.Create(CultureInfo.InvariantCulture, $"log of the irreducible level of curve {c} (target units)")));
        for (int c = 1; c <= curves; c++)
            specs.Add(new ParameterSpec(ScaleName(c - 1), Initial: 20.0, Description: string.Create(CultureInfo.InvariantCulture, $"log of the scale k of curve {c} (units of x)")));
        specs.Add(new ParameterSpec("alpha", Lower: 0, Initial: 0.7, Description: "decay exponent α shared by every curve (dimensionless, ≥ 0)"));
        Parameters = specs.MoveToImmutable();
    }

    /// <summary>m, the number of curves.</summary>
    public int Curves { get; }

    /// <summary>Smallest α of the start grid.</summary>
    public double MinimumStartExponent { get; }

    /// <summary>Largest α of the start grid.</summary>
    public double MaximumStartExponent { get; }

    /// <summary>Name: <c>power-shared-exponent</c> (not in the catalogue: the curve count is part of the law).</summary>
    public string Name => "power-shared-exponent";

    /// <summary><c>exp(log_c[curve]) + exp(alpha*(log_k[curve] - log(x)))</c>.</summary>
    public string Formula => "exp(log_c[curve]) + exp(alpha*(log_k[curve] - log(x)))";

    /// <summary><c>x</c>, <c>curve</c>.</summary>
    public ImmutableArray<string> Variables => VariableNames;

    /// <summary>log_c_1 … log_c_m, log_k_1 … log_k_m, alpha.</summary>
    public ImmutableArray<ParameterSpec> Parameters { get; }

    /// <summary>Ye et al. 2025, arXiv:2403.16952, Eq. 3; code yegcjs/mixinglaws.</summary>
    public string Citation => "Ye et al. 2025, \"Data Mixing Laws\", arXiv:2403.16952, Eq. 3; step and size laws with a shared exponent as in yegcjs/mixinglaws (pipeline/steplaw.py, sizelaw.py).";

    /// <summary>Name of the level parameter of 0-based curve <paramref name="curve"/>: <c>log_c_(curve+1)</c>.</summary>
    public static string LevelName(int curve) => string.Create(CultureInfo.InvariantCulture, $"log_c_{curve + 1}");

    /// <summary>Name of the scale parameter of 0-based curve <paramref name="curve"/>: <c>log_k_(curve+1)</c>.</summary>
    public static string ScaleName(int curve) => string.Create(CultureInfo.InvariantCulture, $"log_k_{curve + 1}");

    /// <summary>L_c(x) for θ and x = (x, curve).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        int c = CurveOf(x[1]);
        return Math.Exp(parameters[c]) + Math.Exp(parameters[^1] * (parameters[Curves + c] - Math.Log(x[0])));
    }

    /// <summary>L_c(x) and its exact gradient (non-zero only in log_c_c, log_k_c and alpha).</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        int c = CurveOf(x[1]);
        double alpha = parameters[^1];
        double level = Math.Exp(parameters[c]);
        double gap = parameters[Curves + c] - Math.Log(x[0]);
        double reducible = Math.Exp(alpha * gap);
        gradient.Clear();
        gradient[c] = level;
        gradient[Curves + c] = reducible * alpha;
        gradient[^1] = reducible * gap;
        return level + reducible;
    }

    /// <summary>Huber δ = 0.05 on linear residuals from variable-projection starts (see the class remarks).</summary>
    public FitRecipe DefaultRecipe(FitData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var xs = data.Column("x");
        var curve = data.Column("curve");
        var byCurve = new List<(double LogX, double Y)>[Curves];
        for (int c = 0; c < Curves; c++) byCurve[c] = [];
        for (int i = 0; i < data.Count; i++)
            if (double.IsFinite(data.Y[i]) && data.Y[i] > 0 && xs[i] > 0) byCurve[CurveOf(curve[i])].Add((Math.Log(xs[i]), data.Y[i]));
        double best = double.PositiveInfinity, bestAlpha = MinimumStartExponent;
        for (int a = 1; a <= ProfileGridPoints; a++)
        {
            double alpha = MaximumProfileExponent * a / ProfileGridPoints;
            double cost = Profile(byCurve, alpha, null);
            if (cost < best) (best, bestAlpha) = (cost, alpha);
        }
        var starts = new StartList();
        var values = new (string Name, double Value)[Parameters.Length];
        Profile(byCurve, bestAlpha, values);
        values[^1] = ("alpha", bestAlpha);
        starts.Add(values);
        return new FitRecipe(new HuberLoss(0.05), ResidualSpace.Linear, starts.Build());
    }

    private const int ProfileGridPoints = 300;
    private const double MaximumProfileExponent = 3.0;

    /// <summary>
    /// For a fixed α each curve is linear in (c, A = k^α): y = c + A·x^(−α). Solves every curve by least squares
    /// (c and A clamped to stay positive), returns the total squared residual and, when asked, the start values.
    /// </summary>
    private double Profile(List<(double LogX, double Y)>[] byCurve, double alpha, (string Name, double Value)[]? values)
    {
        double total = 0;
        for (int c = 0; c < Curves; c++)
        {
            var points = byCurve[c];
            double level, scale;
            if (points.Count == 0) { level = 1; scale = 1e-3; }
            else
            {
                double su = 0, sy = 0, suu = 0, suy = 0, minimum = double.PositiveInfinity;
                foreach (var (logX, y) in points)
                {
                    double u = Math.Exp(-alpha * logX);
                    su += u; sy += y; suu += u * u; suy += u * y;
                    minimum = Math.Min(minimum, y);
                }
                int n = points.Count;
                double det = n * suu - su * su;
                if (n >= 2 && det > 1e-12 * n * suu)
                {
                    scale = (n * suy - su * sy) / det;
                    level = (sy - scale * su) / n;
                }
                else { level = 0.9 * minimum; scale = 0.1 * minimum / Math.Max(su / n, 1e-300); }
                level = Math.Max(level, 1e-3 * minimum);
                scale = Math.Max(scale, 1e-12 * minimum / Math.Max(su / n, 1e-300));
                foreach (var (logX, y) in points)
                {
                    double r = y - level - scale * Math.Exp(-alpha * logX);
                    total += r * r;
                }
            }
            if (values is not null)
            {
                values[c] = (Parameters[c].Name, Math.Log(level));
                values[Curves + c] = (Parameters[Curves + c].Name, Math.Log(scale) / alpha);
            }
        }
        return total;
    }

    private int CurveOf(double value)
    {
        int c = (int)value;
        if (c != value || c < 0 || c >= Curves)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Curve index {value} is not a whole number in [0, {Curves - 1}]."), "x");
        return c;
    }
}
