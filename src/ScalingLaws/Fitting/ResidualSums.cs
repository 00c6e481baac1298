namespace ScalingLaws.Fitting;

/// <summary>
/// Sums over the rows of a fit, added in row order, from which <see cref="FitStatistics"/> follow:
/// RSS = Σrᵢ² (r the weighted residuals), Σ|fᵢ − yᵢ|, Σ|fᵢ − yᵢ|/|yᵢ|, Σzᵢ and Σzᵢ² (z = y, or log y in
/// log space). <see cref="IsNearExact"/> tells whether the fit is close enough to exact for the
/// rounding of f and y to show in the RSS.
/// </summary>
internal sealed class ResidualSums(FitProblem problem)
{
    private readonly bool _log = problem.Space == ResidualSpace.Log;
    private double _rss, _absolute, _relative, _targets, _targetSquares;

    /// <summary>
    /// The sums of every row at θ, evaluated in the evaluator's blocks; a row whose residual is not
    /// finite and every row after it count as zero. <paramref name="residualsGiven"/>, when given, replace
    /// the evaluated residuals (those of an extended-precision refinement).
    /// </summary>
    public static ResidualSums Scan(FitProblem problem, ResidualEvaluator evaluator, ReadOnlySpan<double> theta, double[]? residualsGiven = null)
    {
        var sums = new ResidualSums(problem);
        int n = evaluator.Rows, block = evaluator.BlockCapacity;
        var residuals = new double[block];
        var predictions = new double[block];
        bool finite = true;
        for (int start = 0; start < n; start += block)
        {
            int count = Math.Min(block, n - start);
            if (finite)
            {
                int stop = count;
                if (!evaluator.Residuals(theta, start, count, residuals, predictions))
                {
                    finite = false;
                    stop = 0;
                    while (double.IsFinite(residuals[stop])) stop++;
                    stop++;
                }
                residuals.AsSpan(stop, count - stop).Clear();
                predictions.AsSpan(stop, count - stop).Clear();
            }
            else
            {
                residuals.AsSpan(0, count).Clear();
                predictions.AsSpan(0, count).Clear();
            }
            sums.Add(residualsGiven is null ? residuals.AsSpan(0, count) : residualsGiven.AsSpan(start, count), predictions.AsSpan(0, count), start);
        }
        return sums;
    }

    /// <summary>Adds rows [start, start + residuals.Length) with their residuals rᵢ and predictions fᵢ.</summary>
    public void Add(ReadOnlySpan<double> residuals, ReadOnlySpan<double> predictions, int start)
    {
        var y = problem.Data.Y;
        for (int q = 0; q < residuals.Length; q++)
        {
            int i = start + q;
            double r = residuals[q];
            _rss += r * r;
            double e = Math.Abs(predictions[q] - y[i]);
            _absolute += e;
            _relative += e / Math.Abs(y[i]);
            double z = _log ? Math.Log(y[i]) : y[i];
            _targets += z;
            _targetSquares += z * z;
        }
    }

    /// <summary>
    /// True when the residuals are so small against the targets (RMS below 10⁻⁶ of the targets' RMS in
    /// the fit space) that the rounding of f and y, about 10⁻¹⁶ of them, can show in the RSS's leading
    /// digits; only then is the double-double refinement worth its cost.
    /// </summary>
    public bool IsNearExact => _rss <= 1e-12 * _targetSquares;

    /// <summary>
    /// The statistics of a fit with <paramref name="k"/> free parameters: RSS, RMSE = √(RSS/n),
    /// R² = 1 − RSS/Σwᵢ(zᵢ − z̄)², AIC = n·ln(RSS/n) + 2k, BIC = n·ln(RSS/n) + k·ln n, mean absolute and relative errors.
    /// </summary>
    public FitStatistics Statistics(int k)
    {
        var data = problem.Data;
        int n = data.Count;
        var y = data.Y;
        double mean = _targets / n;
        double tss = 0;
        var w = data.Weights;
        for (int i = 0; i < n; i++)
        {
            double z = (_log ? Math.Log(y[i]) : y[i]) - mean;
            tss += (w.IsEmpty ? 1 : w[i]) * z * z;
        }
        double rss = _rss;
        double rmse = Math.Sqrt(rss / n);
        double ll = n * Math.Log(rss / n);
        return new FitStatistics(n, k, n - k, rss, rmse, tss > 0 ? 1 - rss / tss : double.NaN,
            ll + 2 * k, ll + k * Math.Log(n), _absolute / n, _relative / n);
    }
}
