using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>
/// Error and agreement measures between observed and predicted losses, as scaling-law papers report
/// them: MAE, MRE, RMSE, RMSE of log loss, R², the Huber objective, and Spearman's rank correlation
/// (with ties, RegMix's measure of how well a law ranks mixtures). Every method takes the observed
/// values first and the predictions second, of equal length; a non-finite prediction makes the
/// result NaN (the error is undefined), so a broken fit never looks good.
/// </summary>
public static class Metrics
{
    /// <summary>Mean absolute error: (1/n)·Σ |pᵢ − oᵢ|.</summary>
    /// <param name="observed">Observed values oᵢ.</param>
    /// <param name="predicted">Predicted values pᵢ.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double MeanAbsoluteError(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted)
    {
        Check(observed, predicted);
        double sum = 0;
        for (int i = 0; i < observed.Length; i++) sum += Math.Abs(predicted[i] - observed[i]);
        return sum / observed.Length;
    }

    /// <summary>Mean relative error: (1/n)·Σ |pᵢ − oᵢ| / |oᵢ| (a fraction; multiply by 100 for %).</summary>
    /// <param name="observed">Observed values oᵢ (non-zero).</param>
    /// <param name="predicted">Predicted values pᵢ.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double MeanRelativeError(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted)
    {
        Check(observed, predicted);
        double sum = 0;
        for (int i = 0; i < observed.Length; i++) sum += Math.Abs(predicted[i] - observed[i]) / Math.Abs(observed[i]);
        return sum / observed.Length;
    }

    /// <summary>Root mean square error: √((1/n)·Σ (pᵢ − oᵢ)²).</summary>
    /// <param name="observed">Observed values oᵢ.</param>
    /// <param name="predicted">Predicted values pᵢ.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double RootMeanSquareError(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted)
    {
        Check(observed, predicted);
        double sum = 0;
        for (int i = 0; i < observed.Length; i++) sum += Square(predicted[i] - observed[i]);
        return Math.Sqrt(sum / observed.Length);
    }

    /// <summary>
    /// Root mean square error of log loss: √((1/n)·Σ (ln pᵢ − ln oᵢ)²), the residual scale of a
    /// Chinchilla-style fit. NaN when a value is ≤ 0.
    /// </summary>
    /// <param name="observed">Observed values oᵢ &gt; 0.</param>
    /// <param name="predicted">Predicted values pᵢ &gt; 0.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double RootMeanSquareLogError(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted)
    {
        Check(observed, predicted);
        double sum = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            if (!(observed[i] > 0) || !(predicted[i] > 0)) return double.NaN;
            sum += Square(Math.Log(predicted[i]) - Math.Log(observed[i]));
        }
        return Math.Sqrt(sum / observed.Length);
    }

    /// <summary>
    /// Coefficient of determination on the values as given: 1 − Σ (oᵢ − pᵢ)² / Σ (oᵢ − ō)². Negative
    /// when the predictions are worse than the mean of the observations; NaN when all observations
    /// are equal.
    /// </summary>
    /// <param name="observed">Observed values oᵢ.</param>
    /// <param name="predicted">Predicted values pᵢ.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double RSquared(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted)
    {
        Check(observed, predicted);
        double mean = 0;
        foreach (double o in observed) mean += o;
        mean /= observed.Length;
        double residual = 0, total = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            residual += Square(observed[i] - predicted[i]);
            total += Square(observed[i] - mean);
        }
        return total > 0 ? 1 - residual / total : double.NaN;
    }

    /// <summary>
    /// Huber objective Σᵢ H_δ(rᵢ) with H_δ(r) = r²/2 for |r| ≤ δ and δ(|r| − δ/2) beyond, rᵢ = pᵢ − oᵢ
    /// (linear) or ln pᵢ − ln oᵢ (log). With δ = 10⁻³ in log space this is the objective of Hoffmann et
    /// al. and of <see cref="FitResult.Objective"/> for the Chinchilla recipe.
    /// </summary>
    /// <param name="observed">Observed values oᵢ.</param>
    /// <param name="predicted">Predicted values pᵢ.</param>
    /// <param name="delta">Threshold δ &gt; 0.</param>
    /// <param name="space">Where residuals are measured; default linear.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero, or δ ≤ 0.</exception>
    public static double HuberObjective(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted, double delta,
        ResidualSpace space = ResidualSpace.Linear)
    {
        if (!(delta > 0) || double.IsInfinity(delta))
            throw new ArgumentException($"The Huber threshold δ ({delta.ToString(System.Globalization.CultureInfo.InvariantCulture)}) must be a positive number.", nameof(delta));
        return Objective(observed, predicted, new HuberLoss(delta), space);
    }

    /// <summary>
    /// The objective a fit minimises, Σᵢ ½·ρ(rᵢ²) (see <see cref="RobustLoss"/>), evaluated at given
    /// predictions: rᵢ = pᵢ − oᵢ or ln pᵢ − ln oᵢ. Equals <see cref="FitResult.Objective"/> when evaluated at
    /// the fit's own predictions with its loss and space (and no row weights).
    /// </summary>
    /// <param name="observed">Observed values oᵢ.</param>
    /// <param name="predicted">Predicted values pᵢ.</param>
    /// <param name="loss">Robust loss ρ.</param>
    /// <param name="space">Where residuals are measured.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double Objective(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted, RobustLoss loss, ResidualSpace space)
    {
        ArgumentNullException.ThrowIfNull(loss);
        Check(observed, predicted);
        double sum = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            double r = Residual(observed[i], predicted[i], space);
            if (!double.IsFinite(r)) return double.NaN;
            sum += loss.Cost(r);
        }
        return sum;
    }

    /// <summary>Residual pᵢ − oᵢ (linear) or ln pᵢ − ln oᵢ (log; NaN unless both are positive).</summary>
    /// <param name="observed">Observed value.</param>
    /// <param name="predicted">Predicted value.</param>
    /// <param name="space">Residual space.</param>
    public static double Residual(double observed, double predicted, ResidualSpace space) =>
        space == ResidualSpace.Log
            ? observed > 0 && predicted > 0 ? Math.Log(predicted) - Math.Log(observed) : double.NaN
            : predicted - observed;

    /// <summary>
    /// Spearman's rank correlation ρ: Pearson's correlation of the ranks, ties given their average rank
    /// (so it is exact with ties, unlike 1 − 6Σd²/(n(n² − 1))). NaN when either side is constant or a
    /// value is NaN.
    /// </summary>
    /// <param name="observed">First sample (e.g. observed losses).</param>
    /// <param name="predicted">Second sample (e.g. predicted losses).</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double SpearmanRho(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted)
    {
        Check(observed, predicted);
        foreach (double v in observed) if (double.IsNaN(v)) return double.NaN;
        foreach (double v in predicted) if (double.IsNaN(v)) return double.NaN;
        int n = observed.Length;
        var keys = new double[n];
        var order = new int[n];
        var observedRanks = new double[n];
        var predictedRanks = new double[n];
        Rank(observed, keys, order, observedRanks);
        Rank(predicted, keys, order, predictedRanks);
        return PearsonCorrelation(observedRanks, predictedRanks);
    }

    /// <summary>Pearson's correlation coefficient; NaN when either side is constant.</summary>
    /// <param name="x">First sample.</param>
    /// <param name="y">Second sample.</param>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double PearsonCorrelation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Check(x, y);
        int n = x.Length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n; my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : double.NaN;
    }

    /// <summary>
    /// Ranks 1…n in ascending order; tied values (exactly equal) share the average of the ranks they
    /// span (so 10, 20, 20, 30 → 1, 2.5, 2.5, 4). NaN ranks below every number, as <see cref="double.CompareTo(double)"/> orders it.
    /// </summary>
    /// <param name="values">The values to rank.</param>
    public static double[] Ranks(ReadOnlySpan<double> values)
    {
        var ranks = new double[values.Length];
        Rank(values, new double[values.Length], new int[values.Length], ranks);
        return ranks;
    }

    /// <summary>
    /// <see cref="Ranks"/> into <paramref name="ranks"/>, sorting a copy of the values (<paramref name="keys"/>) with their
    /// indices (<paramref name="order"/>): equal values (NaN equal to NaN, −0 to +0) are neighbours after the sort whatever
    /// its order among them, so each group of ties gets the average of the ranks it spans.
    /// </summary>
    private static void Rank(ReadOnlySpan<double> values, double[] keys, int[] order, Span<double> ranks)
    {
        int n = values.Length;
        values.CopyTo(keys);
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && keys[end + 1].Equals(keys[start])) end++;
            double rank = 0.5 * (start + end) + 1;
            for (int k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
    }

    private static double Square(double v) => v * v;

    private static void Check(ReadOnlySpan<double> observed, ReadOnlySpan<double> predicted)
    {
        if (observed.Length != predicted.Length)
            throw new ArgumentException($"The observed ({observed.Length}) and predicted ({predicted.Length}) values differ in number.", nameof(predicted));
        if (observed.Length == 0) throw new ArgumentException("No values to compare.", nameof(observed));
    }
}
