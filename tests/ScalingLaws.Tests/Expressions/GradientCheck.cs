using ScalingLaws.Fitting;

namespace ScalingLaws.Tests.Expressions;

/// <summary>Compares a law's exact gradient with central finite differences of its value.</summary>
internal static class GradientCheck
{
    /// <summary>Relative tolerance on each partial derivative.</summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>Rounding errors of a model value allowed, in units of its last place.</summary>
    private const double RoundingUlps = 1e3;

    /// <summary>
    /// The parameters whose exact partial g differs from the finite-difference estimate d by more than
    /// <see cref="RelativeTolerance"/>·max(|g|, |d|) plus the rounding noise of d, as readable lines;
    /// empty when all agree. d is the Richardson extrapolation (4·D(h/2) − D(h))/3 of central
    /// differences D(h) = (f(θ + h·eⱼ) − f(θ − h·eⱼ)) / 2h, accurate to O(h⁴). The rounding noise
    /// is taken relative to max(|f|, <paramref name="valueScale"/>): a formula like log(1 + w²) is 0
    /// in floating point for tiny w, yet its intermediate values are of order 1.
    /// </summary>
    public static List<string> Mismatches(IScalingLaw law, double[] theta, double[] x, Func<double, double> stepOf, double valueScale = 0)
    {
        var gradient = new double[theta.Length];
        double value = law.EvaluateWithGradient(theta, x, gradient);
        var mismatches = new List<string>();
        for (int j = 0; j < theta.Length; j++)
        {
            var (derivative, noise) = Estimate(law, theta, x, j, stepOf(theta[j]), valueScale);
            double tolerance = RelativeTolerance * Math.Max(Math.Abs(gradient[j]), Math.Abs(derivative)) + noise;
            if (!(Math.Abs(gradient[j] - derivative) <= tolerance))
            {
                mismatches.Add($"{law.Formula}: d/d{law.Parameters[j].Name} exact {gradient[j]:R} vs finite difference {derivative:R} " +
                    $"(tolerance {tolerance:R}) at θ = [{string.Join(", ", theta)}], x = [{string.Join(", ", x)}], f = {value:R}");
            }
        }
        return mismatches;
    }

    /// <summary>The extrapolated derivative in parameter <paramref name="j"/> and a bound on its rounding error.</summary>
    public static (double Derivative, double Noise) Estimate(IScalingLaw law, double[] theta, double[] x, int j, double h, double valueScale = 0)
    {
        var (wide, wideNoise) = CentralDifference(law, theta, x, j, h, valueScale);
        var (narrow, narrowNoise) = CentralDifference(law, theta, x, j, h / 2, valueScale);
        return ((4 * narrow - wide) / 3, (4 * narrowNoise + wideNoise) / 3);
    }

    /// <summary>Central difference with step <paramref name="h"/> and a bound on its rounding error.</summary>
    public static (double Derivative, double Noise) CentralDifference(IScalingLaw law, double[] theta, double[] x, int j, double h, double valueScale = 0)
    {
        double[] plus = (double[])theta.Clone(), minus = (double[])theta.Clone();
        plus[j] += h;
        minus[j] -= h;
        double fPlus = law.Evaluate(plus, x), fMinus = law.Evaluate(minus, x);
        double width = plus[j] - minus[j];
        double noise = RoundingUlps * double.Epsilon / width
            + RoundingUlps * Math.ScaleB(1, -52) * Math.Max(valueScale, Math.Max(Math.Abs(fPlus), Math.Abs(fMinus))) / width;
        return ((fPlus - fMinus) / width, noise);
    }
}
