using System.Runtime.CompilerServices;
using ScalingLaws.Laws;

namespace ScalingLaws.Fitting;

/// <summary>
/// One Levenberg–Marquardt run from one start, MINPACK-style: Marquardt scaling D (running maximum
/// of the Jacobian's column norms), a Householder QR of the Jacobian once per iteration and, for each
/// damping λ, the damped step from [R; √λ·D]·δ = [−Qᵀr; 0] by Givens rotations (MINPACK's qrsolv).
/// Damping λ divided by 3 after an accepted step and doubled after a rejected one (Transtrum's
/// "delayed gratification"), geodesic acceleration (see <see cref="FitOptions.GeodesicAcceleration"/>). Robust losses by iteratively reweighted residuals (rᵢ and row i of J
/// scaled by √ρ′(rᵢ²), exactly Ceres' corrector for losses with ρ″ ≤ 0). Box bounds by projection
/// with an active set (a parameter at a bound whose gradient points outwards is left out of the step).
/// A trial point with a non-finite model (or f ≤ 0 in log space) is rejected and the damping raised.
/// A law with a row cache (<see cref="IRowCachedLaw"/>) is evaluated over all rows at once from the
/// problem's shared cache; any other law row by row.
/// All buffers are allocated once per solver; <see cref="Run"/> allocates nothing.
/// </summary>
internal sealed class LmSolver
{
    private const double InitialDamping = 1e-3;
    private const double MaxDamping = 1e32;
    private const double DampingDecrease = 3;
    private const double DampingIncrease = 2;

    private readonly FitProblem _problem;
    private readonly IScalingLaw _law;
    private readonly FitData _data;
    private readonly RobustLoss _loss;
    private readonly bool _squared;
    private readonly bool _log;
    private readonly int _n, _p, _k;
    private readonly int[] _free;
    private readonly double[] _lower, _upper;
    private readonly double[] _target;      // y or log y
    private readonly double[] _sqrtWeight;  // √wᵢ, or null-equivalent ones
    private readonly double[] _theta, _trial, _gradRow;
    private double[] _jac;                  // n × k, column-major, robust-scaled
    private double[] _res;                  // robust-scaled residuals r̃
    private double[] _scale;                // √ρ′(rᵢ²) per row
    private double[] _trialJac, _trialRes, _trialScale;  // the same at the trial point, swapped in on acceptance
    private readonly double[] _qr;          // n × ka working copy
    private readonly double[] _qtr, _r, _s, _sdiag, _wa, _step, _diag, _grad, _colNorm, _jd;
    private readonly int[] _active;
    private readonly double[] _beta, _rpp, _velocity;
    private readonly double[] _dots;        // reflector products in Factorize
    private readonly bool _accelerate;
    private readonly IRowCachedLaw? _rows;  // the law's batch evaluation, when it has one
    private readonly double[] _cache;       // the problem's row cache (n × width), shared read-only
    private readonly double[] _f;           // model values, n
    private readonly double[] _g;           // model gradient, p × n column-major
    private readonly double[] _rowScale;    // √wᵢ·√ρ′ (÷ fᵢ in log space): row i of J̃ over row i of ∂f/∂θ
    private const double AccelerationStep = 0.1;
    private const double MaxAccelerationRatio = 0.75;

    public LmSolver(FitProblem problem)
    {
        _problem = problem;
        _law = problem.Law;
        _data = problem.Data;
        _loss = problem.Loss;
        _squared = problem.Loss is SquaredLoss;
        _log = problem.Space == ResidualSpace.Log;
        _n = _data.Count;
        _p = _law.Parameters.Length;
        _free = problem.FreeIndices.ToArray();
        _k = _free.Length;
        _lower = problem.Lower; _upper = problem.Upper;
        _target = new double[_n];
        _sqrtWeight = new double[_n];
        var y = _data.Y; var w = _data.Weights;
        for (int i = 0; i < _n; i++)
        {
            _target[i] = _log ? Math.Log(y[i]) : y[i];
            _sqrtWeight[i] = w.IsEmpty ? 1 : Math.Sqrt(w[i]);
        }
        _theta = new double[_p]; _trial = new double[_p]; _gradRow = new double[_p];
        _jac = new double[_n * _k]; _res = new double[_n]; _qr = new double[_n * _k];
        _qtr = new double[_n]; _r = new double[_k * _k]; _s = new double[_k * _k]; _sdiag = new double[_k];
        _wa = new double[_k]; _step = new double[_k]; _diag = new double[_k]; _grad = new double[_k];
        _colNorm = new double[_k]; _jd = new double[_n]; _active = new int[_k];
        _trialJac = new double[_n * _k]; _trialRes = new double[_n]; _trialScale = new double[_n];
        _beta = new double[_k]; _dots = new double[_k + 4]; _scale = new double[_n]; _rpp = new double[_n]; _velocity = new double[_k];
        _accelerate = problem.Options.GeodesicAcceleration;
        _rows = _law as IRowCachedLaw;
        _cache = problem.RowCache ?? [];
        _f = new double[_n]; _g = new double[_p * _n]; _rowScale = new double[_n];
    }

    /// <summary>The parameter vector at the end of the last run (all parameters, fixed included).</summary>
    public ReadOnlySpan<double> Theta => _theta;

    /// <summary>Robust-scaled Jacobian at the end of the last run (n × k, column-major over free parameters).</summary>
    internal ReadOnlySpan<double> Jacobian => _jac;

    /// <summary>Robust-scaled residuals r̃ at the end of the last run.</summary>
    internal ReadOnlySpan<double> ScaledResiduals => _res;

    /// <summary>Runs LM from <paramref name="start"/> (all parameters) for at most <paramref name="maxIterations"/> trial steps (default: the options'). Returns objective, termination and trial count.</summary>
    public (double Objective, Termination Termination, int Iterations) Run(ReadOnlySpan<double> start, CancellationToken cancellation, int maxIterations = -1)
    {
        var o = _problem.Options;
        int limit = maxIterations > 0 ? maxIterations : o.MaxIterations;
        start.CopyTo(_theta);
        for (int a = 0; a < _k; a++) { int j = _free[a]; _theta[j] = Math.Clamp(_theta[j], _lower[j], _upper[j]); }
        double cost = EvaluateWithJacobian(_theta);
        if (!double.IsFinite(cost)) return (double.NaN, Termination.InvalidStart, 0);
        if (!JacobianIsFinite()) return (cost, Termination.NonFiniteJacobian, 0);
        for (int a = 0; a < _k; a++) _diag[a] = 0;
        double lambda = InitialDamping, nu = DampingIncrease;
        int iterations = 0;
        while (true)
        {
            if (cancellation.IsCancellationRequested) return (cost, Termination.Cancelled, iterations);
            if (cost == 0) return (cost, Termination.ZeroResidual, iterations);

            // Gradient g = J̃ᵀr̃, column norms, Marquardt scaling, active set and the cosine test.
            double rnorm = Norm(_res, _n);
            GradientAndColumnNorms();
            int ka = 0; double gcos = 0;
            for (int a = 0; a < _k; a++)
            {
                double g = _grad[a], cn = _colNorm[a];
                if (cn > _diag[a]) _diag[a] = cn;
                int j = _free[a];
                bool blocked = (_theta[j] <= _lower[j] && g > 0) || (_theta[j] >= _upper[j] && g < 0);
                if (blocked) continue;
                _active[ka++] = a;
                if (cn > 0 && rnorm > 0) gcos = Math.Max(gcos, Math.Abs(g) / (cn * rnorm));
            }
            for (int a = 0; a < _k; a++) if (_diag[a] == 0) _diag[a] = 1;
            if (gcos <= o.GradientTolerance) return (cost, Termination.GradientTolerance, iterations);

            Factorize(ka);
            double xnorm = 0;
            for (int a = 0; a < _k; a++) { double v = _diag[a] * _theta[_free[a]]; xnorm += v * v; }
            xnorm = Math.Sqrt(xnorm);

            while (true)
            {
                if (++iterations > limit) return (cost, Termination.MaxIterations, iterations - 1);
                if (cancellation.IsCancellationRequested) return (cost, Termination.Cancelled, iterations);
                SolveDamped(ka, lambda, _qtr);
                Array.Copy(_wa, _velocity, ka);
                if (_accelerate && !Accelerate(ka, lambda))
                {
                    lambda *= nu;
                    nu = Math.Min(2 * nu, 1e6);
                    if (lambda > MaxDamping) return (cost, Termination.NoFurtherProgress, iterations);
                    continue;
                }

                // Projected trial point and the step actually taken.
                _theta.CopyTo(_trial, 0);
                for (int a = 0; a < _k; a++) _step[a] = 0;
                for (int q = 0; q < ka; q++)
                {
                    int a = _active[q], j = _free[a];
                    double t = Math.Clamp(_theta[j] + _velocity[q], _lower[j], _upper[j]);
                    _trial[j] = t;
                    _step[a] = t - _theta[j];
                }
                double dnorm = 0, gd = 0;
                for (int a = 0; a < _k; a++) { double v = _diag[a] * _step[a]; dnorm += v * v; gd += _grad[a] * _step[a]; }
                dnorm = Math.Sqrt(dnorm);

                // Predicted reduction of the (reweighted) Gauss–Newton model: −gᵀδ − ½‖J̃δ‖².
                Array.Clear(_jd, 0, _n);
                for (int a = 0; a < _k; a++)
                {
                    double sa = _step[a];
                    if (sa != 0) VectorMath.AddScaled(sa, _jac.AsSpan(a * _n, _n), _jd);
                }
                double jd2 = VectorMath.SumOfSquares(_jd);
                double predicted = -gd - 0.5 * jd2;

                // The trial point's Jacobian comes with its cost: most trial steps are accepted.
                double trialCost = dnorm > 0 ? EvaluateWithJacobian(_trial, _trialJac, _trialRes, _trialScale) : double.NaN;
                double actual = cost - trialCost;
                bool finite = double.IsFinite(trialCost);
                double ratio = finite && predicted > 0 ? actual / predicted : -1;

                if (finite && ratio > 1e-4)
                {
                    double previous = cost;
                    _trial.CopyTo(_theta, 0);
                    lambda = Math.Max(lambda / DampingDecrease, 1e-300);
                    nu = DampingIncrease;
                    cost = trialCost;
                    (_jac, _trialJac) = (_trialJac, _jac);
                    (_res, _trialRes) = (_trialRes, _res);
                    (_scale, _trialScale) = (_trialScale, _scale);
                    if (!JacobianIsFinite()) return (cost, Termination.NonFiniteJacobian, iterations);
                    if (actual <= o.CostTolerance * previous && predicted <= o.CostTolerance * previous)
                        return (cost, Termination.CostTolerance, iterations);
                    if (dnorm <= o.StepTolerance * (xnorm + o.StepTolerance))
                        return (cost, Termination.StepTolerance, iterations);
                    break;
                }

                // Rejected: raise the damping; stop when the step or model reduction is at the noise level.
                if (finite && Math.Abs(actual) <= o.CostTolerance * cost && predicted <= o.CostTolerance * cost)
                    return (cost, Termination.CostTolerance, iterations);
                if (dnorm <= o.StepTolerance * (xnorm + o.StepTolerance))
                    return (cost, Termination.StepTolerance, iterations);
                if (dnorm <= 2.2e-16 * xnorm || lambda > MaxDamping)
                    return (cost, Termination.NoFurtherProgress, iterations);
                lambda *= nu;
                nu = Math.Min(2 * nu, 1e6);
            }
        }
    }

    /// <summary>
    /// Adds ½a to the velocity in _velocity when the acceleration is small enough
    /// (2‖D·a‖ ≤ 0.75·‖D·v‖); false rejects the step. A non-finite probe keeps the plain step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Accelerate(int ka, double lambda)
    {
        Array.Clear(_jd, 0, _n);
        for (int q = 0; q < ka; q++)
        {
            double v = _velocity[q];
            if (v != 0) VectorMath.AddScaled(v, _jac.AsSpan(_active[q] * _n, _n), _jd);
        }
        if (!Acceleration(ka, lambda)) return true;
        double vn = 0, an = 0;
        for (int q = 0; q < ka; q++)
        {
            double d = _diag[_active[q]];
            vn += d * d * _velocity[q] * _velocity[q];
            an += d * d * _wa[q] * _wa[q];
        }
        if (2 * Math.Sqrt(an) > MaxAccelerationRatio * Math.Sqrt(vn)) return false;
        for (int q = 0; q < ka; q++) _velocity[q] += 0.5 * _wa[q];
        return true;
    }

    /// <summary>
    /// Refines a converged point with undamped Gauss–Newton steps accepted while they keep contracting
    /// (‖D·δ‖ at most half the previous) and the objective does not rise above its rounding noise.
    /// Near the optimum the objective is flat to machine precision, so damped LM stops where the cost no
    /// longer resolves the step; the Gauss–Newton fixed point J̃ᵀr̃ = 0 is still well defined.
    /// Leaves the refined parameters in <see cref="Theta"/> and returns its objective.
    /// </summary>
    public double Polish(ReadOnlySpan<double> start, int maxSteps = 200)
    {
        start.CopyTo(_theta);
        double cost = EvaluateWithJacobian(_theta);
        if (!double.IsFinite(cost)) return cost;
        for (int a = 0; a < _k; a++)
        {
            double c2 = VectorMath.SumOfSquares(_jac.AsSpan(a * _n, _n));
            _diag[a] = c2 > 0 ? Math.Sqrt(c2) : 1;
        }
        double previous = double.PositiveInfinity;
        for (int step = 0; step < maxSteps && cost > 0; step++)
        {
            int ka = 0;
            for (int a = 0; a < _k; a++)
            {
                double g = VectorMath.Dot(_jac.AsSpan(a * _n, _n), _res);
                int j = _free[a];
                if ((_theta[j] <= _lower[j] && g > 0) || (_theta[j] >= _upper[j] && g < 0)) continue;
                _active[ka++] = a;
            }
            Factorize(ka);
            SolveDamped(ka, 0, _qtr);
            _theta.CopyTo(_trial, 0);
            double dnorm = 0, xnorm = 0;
            for (int q = 0; q < ka; q++)
            {
                int a = _active[q], j = _free[a];
                _trial[j] = Math.Clamp(_theta[j] + _wa[q], _lower[j], _upper[j]);
                double d = _diag[a] * (_trial[j] - _theta[j]);
                dnorm += d * d;
            }
            for (int a = 0; a < _k; a++) { double v = _diag[a] * _theta[_free[a]]; xnorm += v * v; }
            dnorm = Math.Sqrt(dnorm);
            if (dnorm == 0 || dnorm > 0.95 * previous) break;
            double trialCost = Cost(_trial);
            if (!double.IsFinite(trialCost) || trialCost > cost * (1 + 64 * 2.220446049250313e-16)) break;
            _trial.CopyTo(_theta, 0);
            cost = EvaluateWithJacobian(_theta);
            previous = dnorm;
            if (dnorm <= 2.220446049250313e-16 * Math.Sqrt(xnorm)) break;
        }
        cost = EvaluateWithJacobian(_theta);
        return cost;
    }

    /// <summary>Objective Σ ½ρ(rᵢ²) at θ; NaN when the model is not finite (or f ≤ 0 in log space).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Cost(ReadOnlySpan<double> theta)
    {
        Values(theta);
        double cost = 0;
        for (int i = 0; i < _n; i++)
        {
            double r = Residual(_f[i], i);
            if (!double.IsFinite(r)) return double.NaN;
            cost += _squared ? 0.5 * r * r : 0.5 * _loss.Evaluate(r * r, out _);
        }
        return cost;
    }

    /// <summary>Residuals √wᵢ·rᵢ (unscaled by the loss) at θ into <paramref name="residuals"/>; false when not finite.</summary>
    public bool Residuals(ReadOnlySpan<double> theta, Span<double> residuals, Span<double> predictions)
    {
        Values(theta);
        for (int i = 0; i < _n; i++)
        {
            double f = _f[i];
            predictions[i] = f;
            residuals[i] = Residual(f, i);
            if (!double.IsFinite(residuals[i])) return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Residual(double f, int i)
    {
        if (_log) return f > 0 ? _sqrtWeight[i] * (Math.Log(f) - _target[i]) : double.NaN;
        return _sqrtWeight[i] * (f - _target[i]);
    }

    /// <summary>Fills r̃ and J̃ at θ; returns the objective (NaN when the model is not finite).</summary>
    public double EvaluateWithJacobian(ReadOnlySpan<double> theta) => EvaluateWithJacobian(theta, _jac, _res, _scale);

    /// <summary>Fills <paramref name="res"/> (r̃), <paramref name="jac"/> (J̃) and <paramref name="scale"/> (√ρ′) at θ; returns the objective (NaN when the model is not finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double EvaluateWithJacobian(ReadOnlySpan<double> theta, double[] jac, double[] res, double[] scale)
    {
        ValuesAndGradient(theta);
        double cost = 0;
        for (int i = 0; i < _n; i++)
        {
            double f = _f[i];
            double r = Residual(f, i);
            if (!double.IsFinite(r)) return double.NaN;
            double rowScale = _sqrtWeight[i];
            if (_log) rowScale /= f;
            double rho, robust = 1;
            if (_squared) rho = r * r;
            else
            {
                rho = _loss.Evaluate(r * r, out double d1);
                robust = Math.Sqrt(d1);
            }
            cost += 0.5 * rho;
            scale[i] = robust;
            res[i] = robust * r;
            _rowScale[i] = rowScale * robust;
        }
        for (int a = 0; a < _k; a++)
        {
            VectorMath.Multiply(_rowScale, _g.AsSpan(_free[a] * _n, _n), jac.AsSpan(a * _n, _n));
        }
        return cost;
    }

    /// <summary>Model values at θ into _f.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Values(ReadOnlySpan<double> theta)
    {
        if (_rows is not null)
        {
            _rows.EvaluateRows(theta, _cache, _f);
            return;
        }
        for (int i = 0; i < _n; i++) _f[i] = _law.Evaluate(theta, _data.Row(i));
    }

    /// <summary>Model values and gradient at θ into _f and _g.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValuesAndGradient(ReadOnlySpan<double> theta)
    {
        if (_rows is not null)
        {
            _rows.EvaluateRowsWithGradient(theta, _cache, _f, _g);
            return;
        }
        for (int i = 0; i < _n; i++)
        {
            _f[i] = _law.EvaluateWithGradient(theta, _data.Row(i), _gradRow);
            for (int j = 0; j < _p; j++) _g[j * _n + i] = _gradRow[j];
        }
    }

    /// <summary>
    /// Geodesic acceleration (Transtrum–Sethna): r̃″ along v by a finite difference with step h,
    /// then the damped solve for a = −(J̃ᵀJ̃ + λD²)⁻¹J̃ᵀr̃″ into _wa. Expects J̃v in _jd.
    /// Returns false when the model is not finite at θ + h·v.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Acceleration(int ka, double lambda)
    {
        _theta.CopyTo(_trial, 0);
        for (int q = 0; q < ka; q++)
        {
            int j = _free[_active[q]];
            _trial[j] = Math.Clamp(_theta[j] + AccelerationStep * _velocity[q], _lower[j], _upper[j]);
        }
        const double h = AccelerationStep;
        Values(_trial);
        for (int i = 0; i < _n; i++)
        {
            double r = Residual(_f[i], i);
            if (!double.IsFinite(r)) return false;
            _rpp[i] = 2 / h * ((_scale[i] * r - _res[i]) / h - _jd[i]);
        }
        ApplyQTranspose(ka, _rpp);
        SolveDamped(ka, lambda, _rpp);
        return true;
    }

    /// <summary>Overwrites v with Qᵀv using the stored Householder vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyQTranspose(int ka, double[] v)
    {
        int n = _n;
        for (int j = 0; j < ka; j++)
        {
            if (_beta[j] == 0) continue;
            var h = _qr.AsSpan(j * n + j, n - j);
            var tail = v.AsSpan(j, n - j);
            double d = VectorMath.Dot(h, tail) * _beta[j];
            VectorMath.AddScaled(-d, h, tail);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool JacobianIsFinite()
    {
        return VectorMath.AllFinite(_jac);
    }

    /// <summary>g = J̃ᵀr̃ into _grad and the column norms of J̃ into _colNorm, two columns per pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GradientAndColumnNorms()
    {
        for (int a = 0; a < _k; a += 2)
        {
            int b = Math.Min(a + 1, _k - 1);
            var first = _jac.AsSpan(a * _n, _n);
            var second = _jac.AsSpan(b * _n, _n);
            var (g0, c0, g1, c1) = VectorMath.DotPairs(first, _res, first, first, second, _res, second, second);
            _grad[a] = g0;
            _colNorm[a] = Math.Sqrt(c0);
            _grad[b] = g1;
            _colNorm[b] = Math.Sqrt(c1);
        }
    }

    /// <summary>
    /// Householder QR of the active columns of J̃: fills R (ka × ka, row-major) and Qᵀr̃ (r̃ carried along
    /// as one more column). Each reflector's products with the remaining columns are summed four per pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Factorize(int ka)
    {
        int n = _n;
        for (int q = 0; q < ka; q++) Array.Copy(_jac, _active[q] * n, _qr, q * n, n);
        Array.Copy(_res, _qtr, n);
        for (int j = 0; j < ka; j++)
        {
            var v = _qr.AsSpan(j * n + j, n - j);
            double norm = Math.Sqrt(VectorMath.SumOfSquares(v));
            if (norm == 0) { _beta[j] = 0; _r[j * ka + j] = 0; for (int c = j + 1; c < ka; c++) _r[j * ka + c] = _qr[c * n + j]; continue; }
            double alpha = v[0] > 0 ? -norm : norm;
            v[0] -= alpha;
            // Targets: v itself (for vᵀv), the columns right of j, then Qᵀr̃.
            int targets = ka - j + 1;
            for (int t = 0; t < targets; t += 4)
            {
                var (d0, d1, d2, d3) = VectorMath.Dot4(v, Target(j, t, targets), Target(j, t + 1, targets), Target(j, t + 2, targets), Target(j, t + 3, targets));
                _dots[t] = d0; _dots[t + 1] = d1; _dots[t + 2] = d2; _dots[t + 3] = d3;
            }
            double beta = 2 / _dots[0];
            _beta[j] = beta;
            for (int t = 1; t < targets; t++)
            {
                if (t == targets - 1 && beta == 0) continue;
                VectorMath.AddScaled(-(_dots[t] * beta), v, Target(j, t, targets));
            }
            _r[j * ka + j] = alpha;
            for (int c = j + 1; c < ka; c++) _r[j * ka + c] = _qr[c * n + j];
        }
    }

    /// <summary>Rows j… of target t of reflector j in <see cref="Factorize"/>: column j (t = 0 and past the end), column j + t, or Qᵀr̃ (the last).</summary>
    private Span<double> Target(int j, int t, int targets) =>
        t == 0 || t >= targets ? _qr.AsSpan(j * _n + j, _n - j)
        : t == targets - 1 ? _qtr.AsSpan(j, _n - j)
        : _qr.AsSpan((j + t) * _n + j, _n - j);

    /// <summary>Solves [R; √λ·D]·δ = [−Qᵀb; 0] (b = r̃ for the step, r̃″ for the acceleration) in the least-squares sense into _wa (MINPACK qrsolv).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SolveDamped(int ka, double lambda, double[] qtb)
    {
        Array.Copy(_r, _s, ka * ka);
        for (int j = 0; j < ka; j++) _wa[j] = -qtb[j];
        double sl = Math.Sqrt(lambda);
        for (int j = 0; j < ka; j++)
        {
            double dj = _diag[_active[j]] * sl;
            if (dj == 0) continue;
            for (int c = j; c < ka; c++) _sdiag[c] = 0;
            _sdiag[j] = dj;
            double qtbpj = 0;
            for (int kk = j; kk < ka; kk++)
            {
                if (_sdiag[kk] == 0) continue;
                double skk = _s[kk * ka + kk];
                double cos, sin;
                if (Math.Abs(skk) < Math.Abs(_sdiag[kk]))
                {
                    double cot = skk / _sdiag[kk];
                    sin = 1 / Math.Sqrt(1 + cot * cot); cos = sin * cot;
                }
                else
                {
                    double tan = _sdiag[kk] / skk;
                    cos = 1 / Math.Sqrt(1 + tan * tan); sin = cos * tan;
                }
                _s[kk * ka + kk] = cos * skk + sin * _sdiag[kk];
                double temp = cos * _wa[kk] + sin * qtbpj;
                qtbpj = -sin * _wa[kk] + cos * qtbpj;
                _wa[kk] = temp;
                for (int i = kk + 1; i < ka; i++)
                {
                    double sk = _s[kk * ka + i];
                    temp = cos * sk + sin * _sdiag[i];
                    _sdiag[i] = -sin * sk + cos * _sdiag[i];
                    _s[kk * ka + i] = temp;
                }
            }
        }
        for (int j = ka - 1; j >= 0; j--)
        {
            double sum = _wa[j];
            for (int i = j + 1; i < ka; i++) sum -= _s[j * ka + i] * _wa[i];
            double d = _s[j * ka + j];
            _wa[j] = d != 0 ? sum / d : 0;
        }
    }

    private static double Norm(double[] v, int n) => Math.Sqrt(VectorMath.SumOfSquares(v.AsSpan(0, n)));
}
