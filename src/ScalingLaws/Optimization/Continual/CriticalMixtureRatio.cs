using ScalingLaws.Laws;
using ScalingLaws.Fitting;

namespace ScalingLaws.Optimization.Continual;

/// <summary>
/// The critical mixture ratio (CMR) of continual pre-training: the largest domain share R ∈ [0, 1] whose
/// predicted general loss stays within a tolerance of the general loss before continual pre-training,
/// L_gen(R) ≤ L₀ + ε (Gu et al. 2024, Eq. 1 and Definition 3) or L_gen(R) ≤ (1 + T)·L₀ (Que et al. 2024,
/// D-CPT usage 1). Also the CMR law in the token budget, R_CMR(T) = a·T^s + b (Gu et al. 2024, Eq. 8).
/// </summary>
/// <remarks>
/// The search scans the general loss at evenly spaced shares from 0 to 1, takes the largest feasible
/// scanned share, and refines the crossing with the next (infeasible) share by bisection to 10⁻¹² in R, so
/// it needs neither monotonicity nor derivatives; crossings narrower than the scan spacing can be missed.
/// Non-finite losses count as infeasible.
/// </remarks>
public static class CriticalMixtureRatio
{
    /// <summary>Default number of scanned shares: 1,001 (spacing 0.001).</summary>
    public const int DefaultScanPoints = 1001;

    /// <summary>Finds the largest domain share whose general loss meets the tolerance.</summary>
    /// <param name="generalLoss">Predicted general loss (nats/token) as a function of the domain share R ∈ [0, 1].
    /// For a D-CPT general-loss fit, written in r_g, pass R ↦ L_g(N, D, 1 − R).</param>
    /// <param name="preTrainingLoss">L₀, the general loss before continual pre-training (nats/token).</param>
    /// <param name="tolerance">Allowed rise; default <see cref="LossTolerance.Default"/> (absolute ε = 0.05).</param>
    /// <param name="scanPoints">Number of evenly spaced shares scanned in [0, 1], ≥ 2; default 1,001.</param>
    /// <exception cref="ArgumentException">L₀ is not finite or <paramref name="scanPoints"/> &lt; 2.</exception>
    public static CriticalMixtureRatioResult Solve(Func<double, double> generalLoss, double preTrainingLoss,
        LossTolerance? tolerance = null, int scanPoints = DefaultScanPoints)
    {
        ArgumentNullException.ThrowIfNull(generalLoss);
        if (!double.IsFinite(preTrainingLoss))
            throw new ArgumentException(FormattableString.Invariant($"The pre-training general loss must be finite (got {preTrainingLoss})."), nameof(preTrainingLoss));
        if (scanPoints < 2)
            throw new ArgumentException($"At least 2 scan points are needed (got {scanPoints}).", nameof(scanPoints));
        tolerance ??= LossTolerance.Default;
        double limit = tolerance.Limit(preTrainingLoss);
        bool Feasible(double loss) => double.IsFinite(loss) && loss <= limit;

        int largest = -1;
        bool allFeasible = true;
        for (int i = 0; i < scanPoints; i++)
        {
            if (Feasible(generalLoss(Share(i, scanPoints)))) largest = i;
            else allFeasible = false;
        }

        if (largest < 0)
            return new CriticalMixtureRatioResult(CriticalMixtureRatioStatus.Infeasible, null, null, limit, preTrainingLoss, tolerance);
        if (largest == scanPoints - 1)
        {
            var status = allFeasible ? CriticalMixtureRatioStatus.AllFeasible : CriticalMixtureRatioStatus.UpperBoundFeasible;
            return new CriticalMixtureRatioResult(status, 1.0, generalLoss(1.0), limit, preTrainingLoss, tolerance);
        }

        double lo = Share(largest, scanPoints), hi = Share(largest + 1, scanPoints);
        double loLoss = generalLoss(lo);
        for (int iteration = 0; iteration < 200 && hi - lo > 1e-12; iteration++)
        {
            double mid = 0.5 * (lo + hi);
            double midLoss = generalLoss(mid);
            if (Feasible(midLoss)) { lo = mid; loLoss = midLoss; }
            else hi = mid;
        }
        return new CriticalMixtureRatioResult(CriticalMixtureRatioStatus.Crossing, lo, loLoss, limit, preTrainingLoss, tolerance);
    }

    /// <summary>
    /// Finds the critical ratio for a fitted one-variable law of the general loss in the domain share,
    /// such as <see cref="CmrRatioLaw"/>.
    /// </summary>
    /// <param name="law">A law with exactly one variable, the domain share R.</param>
    /// <param name="parameters">The fitted parameters, one per <see cref="IScalingLaw.Parameters"/> entry.</param>
    /// <param name="preTrainingLoss">L₀, the general loss before continual pre-training (nats/token).</param>
    /// <param name="tolerance">Allowed rise; default absolute ε = 0.05.</param>
    /// <exception cref="ArgumentException">The law has more than one variable or the parameter count is wrong.</exception>
    public static CriticalMixtureRatioResult Solve(IScalingLaw law, IReadOnlyList<double> parameters, double preTrainingLoss,
        LossTolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(parameters);
        if (law.Variables.Length != 1)
            throw new ArgumentException(
                $"Law '{law.Name}' reads {law.Variables.Length} variables ({string.Join(", ", law.Variables)}); pass a function of the domain share instead.",
                nameof(law));
        if (parameters.Count != law.Parameters.Length)
            throw new ArgumentException($"Law '{law.Name}' has {law.Parameters.Length} parameters; got {parameters.Count} values.", nameof(parameters));
        double[] theta = [.. parameters];
        return Solve(r => law.Evaluate(theta, [r]), preTrainingLoss, tolerance);
    }

    /// <summary>
    /// Finds the critical ratio for a general-loss fit of the CMR ratio law L_gen(R) = α·R^s + β.
    /// </summary>
    /// <param name="alpha">α (nats/token).</param>
    /// <param name="s">s (dimensionless).</param>
    /// <param name="beta">β (nats/token).</param>
    /// <param name="preTrainingLoss">L₀ (nats/token).</param>
    /// <param name="tolerance">Allowed rise; default absolute ε = 0.05.</param>
    public static CriticalMixtureRatioResult FromRatioLaw(double alpha, double s, double beta, double preTrainingLoss,
        LossTolerance? tolerance = null) =>
        Solve(r => alpha * Math.Pow(r, s) + beta, preTrainingLoss, tolerance);

    /// <summary>
    /// The CMR law in the token budget, R_CMR(T) = a·T^s + b (Gu et al. 2024, Eq. 8), as a fraction.
    /// With Table 5's Finance coefficients and T = 100 (20B tokens, T in units of 0.2B tokens) it gives
    /// 0.2976, 0.3489, 0.4143 and 0.4783 for the 460M, 940M, 1.6B and 3.1B models.
    /// </summary>
    /// <param name="a">Amplitude a.</param>
    /// <param name="s">Exponent s.</param>
    /// <param name="b">Offset b.</param>
    /// <param name="tokens">Budget T, in the unit the coefficients were fitted with.</param>
    public static double FromTokensLaw(double a, double s, double b, double tokens) => a * Math.Pow(tokens, s) + b;

    private static double Share(int index, int count) => index == count - 1 ? 1.0 : (double)index / (count - 1);
}
