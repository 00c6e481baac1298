using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    private readonly bool _plain;           // squared loss, linear residuals, no weights: r̃ = f − y, J̃ = ∂f/∂θ
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
    private readonly double[] _qtr, _r, _s, _sdiag, _wa, _step, _activeStep, _diag, _grad, _colNorm;
    private readonly double[] _rotationCos, _rotationSin;  // SolveDamped's Givens rotations, k × k (NaN cosine: none)
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
        _plain = _squared && !_log && _data.Weights.IsEmpty;
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
        _rotationCos = new double[_k * _k]; _rotationSin = new double[_k * _k];
        _wa = new double[_k]; _step = new double[_k]; _diag = new double[_k]; _grad = new double[_k];
        _colNorm = new double[_k]; _activeStep = new double[_k]; _active = new int[_k];
        _trialJac = new double[_n * _k]; _trialRes = new double[_n]; _trialScale = new double[_n];
        _beta = new double[_k]; _dots = new double[_k + 4]; _scale = new double[_n]; _rpp = new double[_n]; _velocity = new double[_k];
        _accelerate = problem.Options.GeodesicAcceleration;
        _rows = _law as IRowCachedLaw;
        _cache = problem.RowCache ?? [];
        _f = new double[_n];
        _g = _plain && _k == _p ? [] : new double[_p * _n];  // the plain path writes J̃ in place when every parameter is free
        _rowScale = _plain ? [] : new double[_n];
        if (_plain) { Array.Fill(_scale, 1.0); Array.Fill(_trialScale, 1.0); }
    }

    /// <summary>The parameter vector at the end of the last run (all parameters, fixed included).</summary>
    public ReadOnlySpan<double> Theta => _theta;

    /// <summary>√ρ′(rᵢ²) per row at the point last evaluated with its Jacobian: each row's weight under the robust loss (ones for the squared loss).</summary>
    internal ReadOnlySpan<double> RobustScales => _scale;

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
        int stallWindow = o.StallWindow, windowStart = 0;
        double windowCost = cost;
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
                if (_accelerate && !Accelerate(ka))
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

                // Predicted reduction of the (reweighted) Gauss–Newton model: −gᵀδ − ½‖J̃δ‖², with
                // ‖J̃δ‖ = ‖R·δ‖ (δ lies in the active columns, which are QR).
                for (int q = 0; q < ka; q++) _activeStep[q] = _step[_active[q]];
                double jd2 = TriangularProductNormSquared(ka, _activeStep);
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
                    if (stallWindow > 0 && iterations - windowStart >= stallWindow)
                    {
                        if (windowCost - cost <= o.StallTolerance * windowCost) return (cost, Termination.Stalled, iterations);
                        windowStart = iterations;
                        windowCost = cost;
                    }
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
    private bool Accelerate(int ka)
    {
        if (!Acceleration(ka)) return true;
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
    /// Refines a converged point with undamped Gauss–Newton steps accepted while they stay small
    /// (‖D·δ‖ ≤ 10⁻⁴·‖D·θ‖), keep contracting (‖D·δ‖ at most 0.95 of the previous) and the objective does not rise by more than its rounding
    /// error at the start (<see cref="CostNoise"/>; the residuals hardly change while polishing). Near the optimum the objective is flat to machine precision, so
    /// damped LM stops where the cost no longer resolves the step; the Gauss–Newton fixed point
    /// J̃ᵀr̃ = 0 is still well defined. Leaves the refined parameters in <see cref="Theta"/>, with r̃ and
    /// J̃ evaluated there, and returns the objective at <paramref name="start"/>, its rounding error
    /// there, and the objective at the refined point.
    /// </summary>
    public (double Start, double Noise, double Polished) Polish(ReadOnlySpan<double> start, int maxSteps = 200)
    {
        start.CopyTo(_theta);
        double initial = EvaluateWithJacobian(_theta), cost = initial;
        if (!double.IsFinite(cost)) return (cost, 0, cost);
        double noise = CostNoise(cost);
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
                int j = _free[a];
                bool atLower = _theta[j] <= _lower[j], atUpper = _theta[j] >= _upper[j];
                if (atLower || atUpper)
                {
                    double g = VectorMath.Dot(_jac.AsSpan(a * _n, _n), _res);
                    if ((atLower && g > 0) || (atUpper && g < 0)) continue;
                }
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
            if (dnorm == 0 || dnorm > 0.95 * previous || (xnorm > 0 && dnorm > MaxPolishStep * Math.Sqrt(xnorm))) break;
            double trialCost = EvaluateWithJacobian(_trial, _trialJac, _trialRes, _trialScale);
            if (!double.IsFinite(trialCost) || trialCost > cost + noise) break;
            _trial.CopyTo(_theta, 0);
            (_jac, _trialJac) = (_trialJac, _jac);
            (_res, _trialRes) = (_trialRes, _res);
            (_scale, _trialScale) = (_trialScale, _scale);
            cost = trialCost;
            previous = dnorm;
            if (dnorm <= 2.220446049250313e-16 * Math.Sqrt(xnorm)) break;
        }
        return (initial, noise, cost);
    }

    /// <summary>
    /// A bound on the rounding error of the objective at the point last evaluated (r̃ and the model
    /// values in _f): each r̃ᵢ is off by about ε·(|fᵢ| + |yᵢ|) scaled as r̃ᵢ (ε·(|log fᵢ| + |log yᵢ| + 1)
    /// in log space), which moves ½Σr̃ᵢ² by |r̃ᵢ| times that; plus n·ε·cost for the sum itself.
    /// When the residuals are far smaller than the data this is far above ε·cost.
    /// </summary>
    private double CostNoise(double cost)
    {
        double sum = 0;
        for (int i = 0; i < _n; i++)
        {
            double f = _f[i], t = Math.Abs(_target[i]);
            double size = _log ? Math.Abs(Math.Log(f)) + t + 1 : Math.Abs(f) + t;
            sum += Math.Abs(_res[i]) * _scale[i] * _sqrtWeight[i] * size;
        }
        return 4 * Epsilon * sum + _n * Epsilon * cost;
    }

    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>Largest polishing step, relative to ‖D·θ‖: polishing refines a converged point, it does not travel (a flat valley would let it).</summary>
    private const double MaxPolishStep = 1e-4;

    /// <summary>
    /// The k' × k' upper-triangular R (row-major) of a Householder QR of the columns
    /// <paramref name="columns"/> (indices among the free parameters) of the current J̃.
    /// </summary>
    public double[] TriangularFactor(ReadOnlySpan<int> columns)
    {
        int count = columns.Length;
        columns.CopyTo(_active);
        Factorize(count);
        var r = new double[count * count];
        for (int j = 0; j < count; j++)
            for (int c = j; c < count; c++) r[j * count + c] = _r[j * count + c];
        return r;
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
        if (_plain)
        {
            // J̃ = ∂f/∂θ over the free parameters: written in place when every parameter is free.
            ValuesAndGradient(theta, _k == _p ? jac : _g);
            VectorMath.Subtract(_f, _target, res);
            if (!VectorMath.AllFinite(res)) return double.NaN;
            if (_k != _p) for (int a = 0; a < _k; a++) Array.Copy(_g, _free[a] * _n, jac, a * _n, _n);
            return 0.5 * VectorMath.SumOfSquares(res);
        }
        ValuesAndGradient(theta, _g);
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

    /// <summary>Model values at θ into _f and their gradient into <paramref name="g"/> (p × n, column-major).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValuesAndGradient(ReadOnlySpan<double> theta, double[] g)
    {
        if (_rows is not null)
        {
            _rows.EvaluateRowsWithGradient(theta, _cache, _f, g);
            return;
        }
        for (int i = 0; i < _n; i++)
        {
            _f[i] = _law.EvaluateWithGradient(theta, _data.Row(i), _gradRow);
            for (int j = 0; j < _p; j++) g[j * _n + i] = _gradRow[j];
        }
    }

    /// <summary>
    /// Geodesic acceleration (Transtrum–Sethna): r̃″ along v by a finite difference with step h,
    /// then the damped solve for a = −(J̃ᵀJ̃ + λD²)⁻¹J̃ᵀr̃″ into _wa with the rotations of the step's solve
    /// (same λ). Only Qᵀr̃″ enters the solve, so it is formed in the rotated basis:
    /// Qᵀr̃″ = 2/h·((Qᵀr̃(θ + h·v) − Qᵀr̃)/h − R·v), as J̃v = Q·R·v.
    /// Returns false when the model is not finite at θ + h·v.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Acceleration(int ka)
    {
        _theta.CopyTo(_trial, 0);
        for (int q = 0; q < ka; q++)
        {
            int j = _free[_active[q]];
            _trial[j] = Math.Clamp(_theta[j] + AccelerationStep * _velocity[q], _lower[j], _upper[j]);
        }
        const double h = AccelerationStep;
        Values(_trial);
        if (_plain)
        {
            VectorMath.Subtract(_f, _target, _rpp);
            if (!VectorMath.AllFinite(_rpp)) return false;
        }
        else
        {
            for (int i = 0; i < _n; i++)
            {
                double r = Residual(_f[i], i);
                if (!double.IsFinite(r)) return false;
                _rpp[i] = _scale[i] * r;
            }
        }
        ApplyQTranspose(ka, _rpp);
        for (int j = 0; j < ka; j++)
        {
            double rv = 0;
            for (int c = j; c < ka; c++) rv += _r[j * ka + c] * _velocity[c];
            _rpp[j] = 2 / h * ((_rpp[j] - _qtr[j]) / h - rv);
        }
        SolveWithSameRotations(ka, _rpp);
        return true;
    }

    /// <summary>‖R·x‖² for the ka × ka upper-triangular R of the last <see cref="Factorize"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double TriangularProductNormSquared(int ka, double[] x)
    {
        double sum = 0;
        for (int j = 0; j < ka; j++)
        {
            double t = 0;
            for (int c = j; c < ka; c++) t += _r[j * ka + c] * x[c];
            sum += t * t;
        }
        return sum;
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

    /// <summary>
    /// Solves [R; √λ·D]·δ = [−Qᵀb; 0] (b = r̃ for the step) in the least-squares sense into _wa (MINPACK
    /// qrsolv): Givens rotations reduce [R; √λ·D] to the triangular S in _s, and are kept so that
    /// <see cref="SolveWithSameRotations"/> can solve for another right-hand side with the same R, D and λ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SolveDamped(int ka, double lambda, double[] qtb)
    {
        Array.Copy(_r, _s, ka * ka);
        ref double s = ref MemoryMarshal.GetArrayDataReference(_s);
        ref double sdiag = ref MemoryMarshal.GetArrayDataReference(_sdiag);
        ref double wa = ref MemoryMarshal.GetArrayDataReference(_wa);
        ref double rotCos = ref MemoryMarshal.GetArrayDataReference(_rotationCos);
        ref double rotSin = ref MemoryMarshal.GetArrayDataReference(_rotationSin);
        for (int j = 0; j < ka; j++) Unsafe.Add(ref wa, j) = -qtb[j];
        double sl = Math.Sqrt(lambda);
        for (int j = 0; j < ka; j++)
        {
            double dj = _diag[_active[j]] * sl;
            ref double jc = ref Unsafe.Add(ref rotCos, j * ka);
            ref double js = ref Unsafe.Add(ref rotSin, j * ka);
            if (dj == 0)
            {
                for (int c = j; c < ka; c++) Unsafe.Add(ref jc, c) = double.NaN;
                continue;
            }
            for (int c = j; c < ka; c++) Unsafe.Add(ref sdiag, c) = 0;
            Unsafe.Add(ref sdiag, j) = dj;
            double qtbpj = 0;
            for (int kk = j; kk < ka; kk++)
            {
                double sdk = Unsafe.Add(ref sdiag, kk);
                if (sdk == 0) { Unsafe.Add(ref jc, kk) = double.NaN; continue; }
                ref double srow = ref Unsafe.Add(ref s, kk * ka);
                double skk = Unsafe.Add(ref srow, kk);
                double cos, sin;
                if (Math.Abs(skk) < Math.Abs(sdk))
                {
                    double cot = skk / sdk;
                    sin = 1 / Math.Sqrt(1 + cot * cot); cos = sin * cot;
                }
                else
                {
                    double tan = sdk / skk;
                    cos = 1 / Math.Sqrt(1 + tan * tan); sin = cos * tan;
                }
                Unsafe.Add(ref jc, kk) = cos;
                Unsafe.Add(ref js, kk) = sin;
                Unsafe.Add(ref srow, kk) = cos * skk + sin * sdk;
                double wk = Unsafe.Add(ref wa, kk);
                double temp = cos * wk + sin * qtbpj;
                qtbpj = -sin * wk + cos * qtbpj;
                Unsafe.Add(ref wa, kk) = temp;
                for (int i = kk + 1; i < ka; i++)
                {
                    double sk = Unsafe.Add(ref srow, i);
                    double sd = Unsafe.Add(ref sdiag, i);
                    Unsafe.Add(ref srow, i) = cos * sk + sin * sd;
                    Unsafe.Add(ref sdiag, i) = -sin * sk + cos * sd;
                }
            }
        }
        BackSubstitute(ka);
    }

    /// <summary>
    /// The solve of <see cref="SolveDamped"/> for another right-hand side b (here r̃″), reusing the
    /// rotations and S of the last <see cref="SolveDamped"/> call: the same arithmetic, without
    /// recomputing the rotations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SolveWithSameRotations(int ka, double[] qtb)
    {
        ref double wa = ref MemoryMarshal.GetArrayDataReference(_wa);
        ref double rotCos = ref MemoryMarshal.GetArrayDataReference(_rotationCos);
        ref double rotSin = ref MemoryMarshal.GetArrayDataReference(_rotationSin);
        for (int j = 0; j < ka; j++) Unsafe.Add(ref wa, j) = -qtb[j];
        for (int j = 0; j < ka; j++)
        {
            double qtbpj = 0;
            for (int kk = j; kk < ka; kk++)
            {
                double cos = Unsafe.Add(ref rotCos, j * ka + kk);
                if (double.IsNaN(cos)) continue;
                double sin = Unsafe.Add(ref rotSin, j * ka + kk);
                double wk = Unsafe.Add(ref wa, kk);
                double temp = cos * wk + sin * qtbpj;
                qtbpj = -sin * wk + cos * qtbpj;
                Unsafe.Add(ref wa, kk) = temp;
            }
        }
        BackSubstitute(ka);
    }

    /// <summary>Solves S·δ = w (S upper-triangular in _s, w in _wa) in place; a zero pivot gives δⱼ = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackSubstitute(int ka)
    {
        ref double s = ref MemoryMarshal.GetArrayDataReference(_s);
        ref double wa = ref MemoryMarshal.GetArrayDataReference(_wa);
        for (int j = ka - 1; j >= 0; j--)
        {
            ref double srow = ref Unsafe.Add(ref s, j * ka);
            double sum = Unsafe.Add(ref wa, j);
            for (int i = j + 1; i < ka; i++) sum -= Unsafe.Add(ref srow, i) * Unsafe.Add(ref wa, i);
            double d = Unsafe.Add(ref srow, j);
            Unsafe.Add(ref wa, j) = d != 0 ? sum / d : 0;
        }
    }

    private static double Norm(double[] v, int n) => Math.Sqrt(VectorMath.SumOfSquares(v.AsSpan(0, n)));
}
