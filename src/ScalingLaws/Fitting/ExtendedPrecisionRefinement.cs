using ScalingLaws.Expressions;
using ScalingLaws.Laws;

namespace ScalingLaws.Fitting;

/// <summary>
/// Mixed-precision iterative refinement of a converged least-squares fit. When a model fits its data
/// almost exactly, the residuals are the difference of two nearly equal numbers and double rounding
/// swamps them (NIST's Lanczos1: residuals near 10⁻¹³ against data near 1 carry errors of about
/// 0.5%, so RSS and the standard errors built on it are wrong in the third digit). Here the residuals
/// are computed in double-double arithmetic (<see cref="DoubleDouble"/>), the parameters are kept in
/// double-double, and each Gauss–Newton correction J·δ = −r is solved in double by Householder QR of
/// the double Jacobian at the starting point, factored once: the correction only has to be right to
/// a few digits for the parameters to converge to the double-double least-squares solution.
/// <para>
/// The data are taken as the decimals they were written as (<see cref="DoubleDouble.FromDecimal"/>):
/// 0.1 in a file means 0.1, not the double nearest it, whose error alone would move Lanczos1's RSS
/// in the fourth digit. Fixed parameter values and formula literals likewise.
/// </para>
/// <para>
/// Applies to fits of laws with a double-double evaluation (<see cref="FormulaLaw"/>) with <see cref="SquaredLoss"/> in linear or log residual
/// space, over the free parameters strictly inside their bounds (the result is clamped to them). At
/// most <see cref="MaxIterations"/> corrections, each taken only while its scaled norm ‖D·δ‖ (D: the
/// Jacobian's column norms) keeps shrinking and the double-double RSS does not rise. It stops at the
/// first correction that could not change the results once rounded to double: every |δⱼ| ≤ 2⁻⁵²·|θⱼ|
/// (or its share of ‖D·δ‖ ≤ 2⁻⁵²·‖D·θ‖), about an ulp, and ‖J·δ‖ ≤ 2⁻²⁶·⁵·‖r‖, so that the RSS
/// would fall by ‖J·δ‖² ≤ 2⁻⁵³·RSS. Typically that is after one correction (near-exact fits) or none
/// (fits whose residuals double already resolves), so the cost is one or two double-double passes
/// over the data plus one double Jacobian. A first correction larger than 10⁻⁴·‖D·θ‖ means the point
/// was not a converged solution, and θ is left alone. The residuals returned are always the
/// double-double ones at the final point.
/// </para>
/// </summary>
internal static class ExtendedPrecisionRefinement
{
    /// <summary>Most Gauss–Newton corrections.</summary>
    public const int MaxIterations = 10;

    private const double MaxRelativeStep = 1e-4;

    /// <summary>2⁻⁵²: a correction |δⱼ| this small relative to |θⱼ| moves θⱼ by about an ulp at most.</summary>
    private const double NegligibleStep = 2.220446049250313e-16;

    /// <summary>2⁻²⁶·⁵: when ‖J·δ‖ ≤ this·‖r‖ the correction lowers the RSS by ‖J·δ‖² ≤ 2⁻⁵³·RSS, below its rounding.</summary>
    private const double NegligibleFit = 1.0536712127723509e-8;

    /// <summary>
    /// Refines <paramref name="theta"/> (all parameters) for <paramref name="problem"/>; null when the
    /// law, loss or residual space is not supported or the model is not finite at <paramref name="theta"/>.
    /// </summary>
    public static ExtendedRefinement? Refine(FitProblem problem, ReadOnlySpan<double> theta)
    {
        if (problem.Law is not IExtendedPrecisionLaw law || problem.Loss is not SquaredLoss) return null;
        if (problem.Space is not (ResidualSpace.Linear or ResidualSpace.Log)) return null;
        var data = problem.Data;
        int n = data.Count, p = law.Parameters.Length;
        if (theta.Length != p || n == 0) return null;
        var context = new Context(law, data, problem.Space == ResidualSpace.Log);

        var current = new DoubleDouble[p];
        for (int j = 0; j < p; j++) current[j] = problem.IsFixed[j] ? DoubleDouble.FromDecimal(theta[j]) : new DoubleDouble(theta[j]);
        var residuals = new DoubleDouble[n];
        if (!context.Residuals(current, residuals)) return null;
        var rss = SumOfSquares(residuals);

        var inside = new List<int>();
        foreach (int j in problem.FreeIndices)
            if (theta[j] > problem.Lower[j] && theta[j] < problem.Upper[j]) inside.Add(j);
        var moving = inside.ToArray();
        int k = moving.Length;
        var jacobian = new double[n * k];
        var factor = k > 0 && n >= k && context.Jacobian(theta, moving, jacobian) ? LeastSquares.Factor(jacobian, n, k) : null;
        if (factor is not null)
        {
            var scale = ColumnNorms(jacobian, n, k);
            double thetaNorm = 0;
            for (int a = 0; a < k; a++) { double t = scale[a] * theta[moving[a]]; thetaNorm += t * t; }
            thetaNorm = Math.Sqrt(thetaNorm);
            var rhs = new double[n];
            var step = new double[k];
            var trial = new DoubleDouble[p];
            var trialResiduals = new DoubleDouble[n];
            double previous = double.PositiveInfinity;
            for (int iteration = 0; iteration < MaxIterations; iteration++)
            {
                double residualNorm = 0;
                for (int i = 0; i < n; i++) { rhs[i] = -(double)residuals[i]; residualNorm += rhs[i] * rhs[i]; }
                residualNorm = Math.Sqrt(residualNorm);
                double fitNorm = factor.Solve(rhs, step);
                double stepNorm = 0;
                bool negligible = fitNorm <= NegligibleFit * residualNorm;
                for (int a = 0; a < k; a++)
                {
                    double d = scale[a] * step[a];
                    stepNorm += d * d;
                    negligible &= Math.Abs(step[a]) <= NegligibleStep * Math.Abs(theta[moving[a]]) || Math.Abs(d) <= NegligibleStep * thetaNorm;
                }
                stepNorm = Math.Sqrt(stepNorm);
                if (!(stepNorm < previous) || stepNorm > MaxRelativeStep * thetaNorm || negligible) break;

                current.CopyTo(trial, 0);
                for (int a = 0; a < k; a++)
                {
                    int j = moving[a];
                    var t = current[j] + step[a];
                    if (t < problem.Lower[j]) t = problem.Lower[j];
                    else if (t > problem.Upper[j]) t = problem.Upper[j];
                    trial[j] = t;
                }
                if (!context.Residuals(trial, trialResiduals)) break;
                var trialRss = SumOfSquares(trialResiduals);
                if (trialRss > rss) break;
                (current, trial) = (trial, current);
                (residuals, trialResiduals) = (trialResiduals, residuals);
                rss = trialRss;
                previous = stepNorm;
            }
        }

        var refined = new double[p];
        for (int j = 0; j < p; j++) refined[j] = problem.IsFixed[j] ? theta[j] : (double)current[j];
        var rounded = new double[n];
        for (int i = 0; i < n; i++) rounded[i] = (double)residuals[i];
        return new ExtendedRefinement(refined, rounded, (double)rss);
    }

    private static DoubleDouble SumOfSquares(DoubleDouble[] residuals)
    {
        var sum = DoubleDouble.Zero;
        foreach (var r in residuals) sum += r * r;
        return sum;
    }

    private static double[] ColumnNorms(double[] jacobian, int n, int k)
    {
        var norms = new double[k];
        for (int a = 0; a < k; a++)
        {
            double s = 0;
            for (int i = 0; i < n; i++) { double v = jacobian[a * n + i]; s += v * v; }
            norms[a] = s > 0 ? Math.Sqrt(s) : 1;
        }
        return norms;
    }

    /// <summary>Householder QR of an n × k matrix (n ≥ k, column-major) and least-squares solves with it.</summary>
    private sealed class LeastSquares
    {
        private readonly double[] _a;    // Householder vectors below and on the diagonal, R above it
        private readonly double[] _beta, _diagonal;
        private readonly int _n, _k;

        private LeastSquares(double[] a, double[] beta, double[] diagonal, int n, int k)
        {
            _a = a; _beta = beta; _diagonal = diagonal; _n = n; _k = k;
        }

        /// <summary>Factors <paramref name="matrix"/> (not modified); null when it is rank-deficient to working precision.</summary>
        public static LeastSquares? Factor(double[] matrix, int n, int k)
        {
            var a = (double[])matrix.Clone();
            var beta = new double[k];
            var diagonal = new double[k];
            for (int j = 0; j < k; j++)
            {
                var column = a.AsSpan(j * n, n);
                double norm = 0;
                for (int i = j; i < n; i++) norm += column[i] * column[i];
                norm = Math.Sqrt(norm);
                if (norm == 0) return null;
                double alpha = column[j] > 0 ? -norm : norm;
                column[j] -= alpha;
                beta[j] = 1 / (norm * Math.Abs(column[j])); // 2 / vᵀv, with |vⱼ| = |xⱼ| + ‖x‖
                diagonal[j] = alpha;
                for (int c = j + 1; c < k; c++)
                {
                    var other = a.AsSpan(c * n, n);
                    double d = 0;
                    for (int i = j; i < n; i++) d += column[i] * other[i];
                    d *= beta[j];
                    for (int i = j; i < n; i++) other[i] -= d * column[i];
                }
            }
            double largest = 0;
            foreach (double d in diagonal) largest = Math.Max(largest, Math.Abs(d));
            foreach (double d in diagonal)
                if (!(Math.Abs(d) > Math.Max(n, k) * 2.220446049250313e-16 * largest)) return null;
            return new LeastSquares(a, beta, diagonal, n, k);
        }

        /// <summary>
        /// Sets <paramref name="solution"/> to argmin ‖A·δ − b‖ and returns ‖A·δ‖; <paramref name="b"/> is overwritten with Qᵀb.
        /// </summary>
        public double Solve(double[] b, double[] solution)
        {
            int n = _n, k = _k;
            for (int j = 0; j < k; j++)
            {
                var v = _a.AsSpan(j * n, n);
                double d = 0;
                for (int i = j; i < n; i++) d += v[i] * b[i];
                d *= _beta[j];
                for (int i = j; i < n; i++) b[i] -= d * v[i];
            }
            double fit = 0;
            for (int j = 0; j < k; j++) fit += b[j] * b[j];
            for (int j = k - 1; j >= 0; j--)
            {
                double s = b[j];
                for (int c = j + 1; c < k; c++) s -= _a[c * n + j] * solution[c];
                solution[j] = s / _diagonal[j];
            }
            return Math.Sqrt(fit);
        }
    }

    /// <summary>The data in double-double and the residual and Jacobian evaluations over them.</summary>
    private sealed class Context
    {
        private readonly IExtendedPrecisionLaw _law;
        private readonly FitData _data;
        private readonly bool _log;
        private readonly int _n, _m;
        private readonly DoubleDouble[] _x, _target;
        private readonly DoubleDouble[]? _sqrtWeight;
        private readonly double[] _gradient;

        public Context(IExtendedPrecisionLaw law, FitData data, bool log)
        {
            _law = law;
            _data = data;
            _log = log;
            _n = data.Count;
            _m = data.VariableCount;
            var x = data.X;
            _x = new DoubleDouble[x.Length];
            for (int t = 0; t < x.Length; t++) _x[t] = DoubleDouble.FromDecimal(x[t]);
            var y = data.Y;
            _target = new DoubleDouble[_n];
            for (int i = 0; i < _n; i++)
            {
                var v = DoubleDouble.FromDecimal(y[i]);
                _target[i] = log ? DoubleDouble.Log(v) : v;
            }
            if (data.HasWeights)
            {
                var w = data.Weights;
                _sqrtWeight = new DoubleDouble[_n];
                for (int i = 0; i < _n; i++) _sqrtWeight[i] = DoubleDouble.Sqrt(DoubleDouble.FromDecimal(w[i]));
            }
            _gradient = new double[law.Parameters.Length];
        }

        /// <summary>√wᵢ·(f − y) or √wᵢ·(log f − log y) at θ; false when any is not finite.</summary>
        public bool Residuals(DoubleDouble[] theta, DoubleDouble[] residuals)
        {
            for (int i = 0; i < _n; i++)
            {
                if (!_law.TryEvaluateExtended(theta, _x.AsSpan(i * _m, _m), out var f)) return false;
                if (_log && !(f.Hi > 0)) return false;
                var r = (_log ? DoubleDouble.Log(f) : f) - _target[i];
                if (_sqrtWeight is not null) r *= _sqrtWeight[i];
                if (!r.IsFinite) return false;
                residuals[i] = r;
            }
            return true;
        }

        /// <summary>The n × k Jacobian of the residuals over <paramref name="columns"/> (column-major), in double; false when not finite.</summary>
        public bool Jacobian(ReadOnlySpan<double> theta, int[] columns, double[] jacobian)
        {
            var w = _data.Weights;
            for (int i = 0; i < _n; i++)
            {
                double f = _law.EvaluateWithGradient(theta, _data.Row(i), _gradient);
                double scale = w.IsEmpty ? 1 : Math.Sqrt(w[i]);
                if (_log) scale /= f;
                for (int a = 0; a < columns.Length; a++)
                {
                    double v = scale * _gradient[columns[a]];
                    if (!double.IsFinite(v)) return false;
                    jacobian[a * _n + i] = v;
                }
            }
            return true;
        }
    }
}
