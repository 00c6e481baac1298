using ScalingLaws.Laws;
using ScalingLaws.Fitting;

namespace ScalingLaws.Optimization.Solvers;

/// <summary>
/// ∂f/∂x, the derivative of a law with respect to its variables (the laws themselves give gradients
/// with respect to parameters only). Analytic for the catalogue laws where it is simple —
/// <c>data-mixing</c>, <c>mixture-additive</c>, <c>mixture-joint</c>, <c>bimix</c>, <c>chinchilla</c>,
/// <c>dcpt</c>, <c>dcpt-cross-domain</c> — and otherwise by central differences with step
/// s = ε^(1/3)·max(|x|, 10⁻²) (truncation and rounding errors balanced, relative error about 10⁻¹⁰),
/// switching to the second-order one-sided formula (−3f(x) + 4f(x + s) − f(x + 2s))/(2s) when x − s would
/// leave the non-negative range of a weight. Non-finite analytic derivatives (e.g. of h^γ with γ &lt; 1 at
/// h = 0) are replaced by ±10¹⁰ so that optimisers can still move.
/// </summary>
internal static class VariableDerivatives
{
    private const double CubeRootEpsilon = 6.0554544523933395e-6;
    private const double Cap = 1e10;

    /// <summary>
    /// Returns f(θ; x) and writes ∂f/∂xᵥ into <paramref name="dx"/> for every v with <paramref name="needed"/>[v]
    /// (0 for the others). <paramref name="x"/> is restored on return.
    /// </summary>
    public static double Evaluate(IScalingLaw law, ReadOnlySpan<double> theta, Span<double> x, Span<double> dx,
        ReadOnlySpan<bool> needed, ReadOnlySpan<bool> nonNegative)
    {
        dx.Clear();
        double value;
        switch (law)
        {
            case DataMixingLaw: value = DataMixing(theta, x, dx); break;
            case MixtureAdditiveLaw: value = Additive(theta, x, dx); break;
            case MixtureJointLaw: value = Joint(theta, x, dx); break;
            case BiMixLaw: value = BiMix(theta, x, dx); break;
            case ChinchillaLaw: value = Chinchilla(theta, x, dx); break;
            case DcptLaw or DcptCrossDomainLaw when needed.Length < 4 || !needed[3]:
                value = law.Evaluate(theta, x);
                Dcpt(theta, x, dx);
                break;
            default:
                return Numeric(law, theta, x, dx, needed, nonNegative);
        }
        for (int v = 0; v < dx.Length; v++)
        {
            if (!needed[v]) dx[v] = 0;
            else if (!double.IsFinite(dx[v])) dx[v] = double.IsNaN(dx[v]) ? 0 : Math.Sign(dx[v]) * Cap;
        }
        return value;
    }

    /// <summary>Central (or one-sided) differences for the needed variables.</summary>
    public static double Numeric(IScalingLaw law, ReadOnlySpan<double> theta, Span<double> x, Span<double> dx,
        ReadOnlySpan<bool> needed, ReadOnlySpan<bool> nonNegative)
    {
        double f0 = law.Evaluate(theta, x);
        for (int v = 0; v < x.Length; v++)
        {
            if (!needed[v]) { dx[v] = 0; continue; }
            double x0 = x[v];
            double s = CubeRootEpsilon * Math.Max(Math.Abs(x0), 1e-2);
            double up = x0 + s;
            s = up - x0;
            if (nonNegative[v] && x0 - s < 0)
            {
                x[v] = x0 + s; double f1 = law.Evaluate(theta, x);
                x[v] = x0 + 2 * s; double f2 = law.Evaluate(theta, x);
                dx[v] = (-3 * f0 + 4 * f1 - f2) / (2 * s);
            }
            else
            {
                x[v] = x0 + s; double fp = law.Evaluate(theta, x);
                x[v] = x0 - s; double fm = law.Evaluate(theta, x);
                dx[v] = (fp - fm) / (2 * s);
            }
            x[v] = x0;
            if (!double.IsFinite(dx[v])) dx[v] = double.IsNaN(dx[v]) ? 0 : Math.Sign(dx[v]) * Cap;
        }
        return f0;
    }

    private static double DataMixing(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> dx)
    {
        double exponent = p[1];
        for (int j = 0; j < x.Length; j++) exponent += p[2 + j] * x[j];
        double reducible = Math.Exp(exponent);
        for (int j = 0; j < x.Length; j++) dx[j] = reducible * p[2 + j];
        return Math.Exp(p[0]) + reducible;
    }

    private static double Additive(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> dx)
    {
        int k = x.Length - 2;
        double s = MixtureBiasTerm.ShareDerivatives(p.Slice(5, k), p.Slice(5 + k, k), x[2..], dx[2..]);
        double model = p[1] / Math.Pow(x[0], p[3]), data = p[2] / Math.Pow(x[1], p[4]);
        dx[0] = -p[3] * model / x[0];
        dx[1] = -p[4] * data / x[1];
        return p[0] + 1 / s + model + data;
    }

    /// <summary>The joint law: A_h = A·(h_1 + Σ_{i≥2} a_i·h_i)^γ^A, likewise B_h (see <see cref="MixtureJointLaw"/>).</summary>
    private static double Joint(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> dx)
    {
        int k = x.Length - 2;
        int oa = 5 + 2 * k, iga = 4 + 3 * k, ob = 5 + 3 * k, igb = 4 + 4 * k;
        double s = MixtureBiasTerm.ShareDerivatives(p.Slice(5, k), p.Slice(5 + k, k), x[2..], dx[2..]);
        double sumA = x[2], sumB = x[2];
        for (int i = 1; i < k; i++)
        {
            sumA += p[oa + i - 1] * x[2 + i];
            sumB += p[ob + i - 1] * x[2 + i];
        }
        double model = p[1] * Math.Pow(sumA, p[iga]) / Math.Pow(x[0], p[3]);
        double data = p[2] * Math.Pow(sumB, p[igb]) / Math.Pow(x[1], p[4]);
        for (int i = 0; i < k; i++)
        {
            double weightA = i == 0 ? 1 : p[oa + i - 1], weightB = i == 0 ? 1 : p[ob + i - 1];
            dx[2 + i] += model * p[iga] * weightA / sumA + data * p[igb] * weightB / sumB;
        }
        dx[0] = -p[3] * model / x[0];
        dx[1] = -p[4] * data / x[1];
        return p[0] + 1 / s + model + data;
    }

    private static double BiMix(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> dx)
    {
        double rPower = Math.Pow(x[0], -p[0]), sPower = Math.Pow(x[1], -p[2]);
        double value = rPower * (p[1] * sPower + p[3]);
        dx[0] = p[0] == 0 ? 0 : -p[0] * value / x[0];
        dx[1] = -p[2] * rPower * p[1] * sPower / x[1];
        return value;
    }

    private static double Chinchilla(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> dx)
    {
        double model = Math.Exp(p[0] - p[3] * Math.Log(x[0])), data = Math.Exp(p[1] - p[4] * Math.Log(x[1]));
        dx[0] = -p[3] * model / x[0];
        dx[1] = -p[4] * data / x[1];
        return Math.Exp(p[2]) + model + data;
    }

    /// <summary>E + A/N^α + B·r^η/D^β + C/(r + ε)^γ (+ F/K^μ, constant in N, D, r).</summary>
    private static void Dcpt(ReadOnlySpan<double> p, ReadOnlySpan<double> x, Span<double> dx)
    {
        double n = x[0], d = x[1], r = x[2];
        double model = p[1] / Math.Pow(n, p[4]);
        double rPower = Math.Pow(r, p[6]), dPower = Math.Pow(d, p[5]);
        double data = p[2] * rPower / dPower;
        dx[0] = -p[4] * model / n;
        dx[1] = -p[5] * data / d;
        double dataByR = p[6] == 0 || p[2] == 0 ? 0 : p[2] * p[6] * Math.Pow(r, p[6] - 1) / dPower;
        dx[2] = dataByR - p[7] * p[3] * Math.Pow(r + p[8], -p[7] - 1);
    }
}
