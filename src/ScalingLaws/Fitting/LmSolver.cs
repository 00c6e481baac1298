using System.Runtime.CompilerServices;

namespace ScalingLaws.Fitting;

/// <summary>
/// One Levenberg–Marquardt run from one start, MINPACK-style: Marquardt scaling D (running maximum
/// of J̃'s column norms), a QR of J̃ once per iteration and, for each damping λ, the damped step of
/// <see cref="DampedLeastSquares"/>. Damping λ divided by 3 after an accepted step and doubled after a
/// rejected one (Transtrum's "delayed gratification"), geodesic acceleration (see
/// <see cref="FitOptions.GeodesicAcceleration"/>). Robust losses by iteratively reweighted residuals
/// (<see cref="ResidualEvaluator"/>). Box bounds by projection with an active set (a parameter at a
/// bound whose gradient points outwards is left out of the step). A trial point with a non-finite
/// model (or f ≤ 0 in log space) is rejected and the damping raised. The least-squares system is a
/// <see cref="DenseLinearization"/>, or a <see cref="StreamedLinearization"/> when the rows come in
/// blocks (<see cref="BlockRows"/>). All buffers are allocated once per solver; <see cref="Run"/> and
/// <see cref="Polish"/> allocate nothing.
/// </summary>
internal sealed class LmSolver
{
    private const double InitialDamping = 1e-3;
    private const double MaxDamping = 1e32;
    private const double DampingDecrease = 3;
    private const double DampingIncrease = 2;
    private const double AccelerationStep = 0.1;
    private const double MaxAccelerationRatio = 0.75;

    /// <summary>Fewest rows evaluated in blocks: below this the Jacobian is held whole.</summary>
    public const int StreamingRows = 65_536;

    /// <summary>Rows per block when the rows are streamed.</summary>
    public const int DefaultBlock = 4_096;

    private readonly FitProblem _problem;
    private readonly int _n, _p, _k;
    private readonly int[] _free;
    private readonly double[] _lower, _upper;
    private readonly double[] _theta, _trial;
    private readonly double[] _step, _activeStep, _diag, _grad, _colNorm, _velocity, _curvature;
    private readonly int[] _active;
    private readonly bool _accelerate;
    private readonly Linearization _system;
    private readonly DampedLeastSquares _damped;

    /// <summary>A solver for <paramref name="problem"/>, evaluating <paramref name="blockRows"/> rows at a time (every row at once when it is n or more).</summary>
    public LmSolver(FitProblem problem, int blockRows)
    {
        _problem = problem;
        _n = problem.Data.Count;
        _p = problem.Law.Parameters.Length;
        _free = problem.FreeIndices.ToArray();
        _k = _free.Length;
        _lower = problem.Lower; _upper = problem.Upper;
        _theta = new double[_p]; _trial = new double[_p];
        _step = new double[_k]; _diag = new double[_k]; _grad = new double[_k];
        _colNorm = new double[_k]; _activeStep = new double[_k]; _active = new int[_k];
        _velocity = new double[_k]; _curvature = new double[_k];
        _accelerate = problem.Options.GeodesicAcceleration;
        var evaluator = new ResidualEvaluator(problem, blockRows);
        _system = evaluator.BlockCapacity == _n ? new DenseLinearization(evaluator) : new StreamedLinearization(evaluator, _p);
        _damped = new DampedLeastSquares(_k);
    }

    /// <summary>The rows per block for a problem of <paramref name="rows"/> rows: all of them below <see cref="StreamingRows"/>, else <see cref="DefaultBlock"/>.</summary>
    public static int BlockRows(int rows) => rows < StreamingRows ? rows : DefaultBlock;

    /// <summary>The parameter vector at the end of the last run (all parameters, fixed included).</summary>
    public ReadOnlySpan<double> Theta => _theta;

    /// <summary>The least-squares system at the point last evaluated.</summary>
    public Linearization System => _system;

    /// <summary>
    /// Runs LM from <paramref name="start"/> (all parameters) for at most <paramref name="maxIterations"/> trial steps
    /// (default: the options'). Returns objective, termination and trial count. With <paramref name="normalEquations"/>
    /// the steps solve the normal equations of J̃ (Cholesky of J̃ᵀJ̃ instead of QR, when J̃ is held whole:
    /// <see cref="DenseLinearization.UseNormalEquations"/>): cheaper, in the squared condition number, for screening.
    /// </summary>
    public (double Objective, Termination Termination, int Iterations) Run(ReadOnlySpan<double> start, CancellationToken cancellation,
        int maxIterations = -1, bool normalEquations = false)
    {
        if (_system is not DenseLinearization dense) return RunSteps(start, maxIterations, cancellation);
        dense.UseNormalEquations = normalEquations;
        try { return RunSteps(start, maxIterations, cancellation); }
        finally { dense.UseNormalEquations = false; }
    }

    private (double Objective, Termination Termination, int Iterations) RunSteps(ReadOnlySpan<double> start, int maxIterations, CancellationToken cancellation)
    {
        var o = _problem.Options;
        int limit = maxIterations > 0 ? maxIterations : o.MaxIterations;
        start.CopyTo(_theta);
        for (int a = 0; a < _k; a++) { int j = _free[a]; _theta[j] = Math.Clamp(_theta[j], _lower[j], _upper[j]); }
        double cost = _system.Evaluate(_theta);
        if (!double.IsFinite(cost)) return (double.NaN, Termination.InvalidStart, 0);
        if (!_system.JacobianIsFinite()) return (cost, Termination.NonFiniteJacobian, 0);
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
            double rnorm = _system.ResidualNorm();
            _system.GradientAndColumnNorms(_grad, _colNorm);
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

            _system.Factorize(_active, ka);
            double xnorm = 0;
            for (int a = 0; a < _k; a++) { double v = _diag[a] * _theta[_free[a]]; xnorm += v * v; }
            xnorm = Math.Sqrt(xnorm);

            while (true)
            {
                if (++iterations > limit) return (cost, Termination.MaxIterations, iterations - 1);
                if (cancellation.IsCancellationRequested) return (cost, Termination.Cancelled, iterations);
                _damped.Solve(ka, lambda, _system.Triangular, _system.ProjectedResiduals, _diag, _active);
                Array.Copy(_damped.Solution, _velocity, ka);
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
                double jd2 = DampedLeastSquares.TriangularProductNormSquared(ka, _system.Triangular, _activeStep);
                double predicted = -gd - 0.5 * jd2;

                // The trial point's Jacobian comes with its cost: most trial steps are accepted.
                double trialCost = dnorm > 0 ? _system.EvaluateTrial(_trial) : double.NaN;
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
                    _system.AcceptTrial();
                    if (!_system.JacobianIsFinite()) return (cost, Termination.NonFiniteJacobian, iterations);
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
    private bool Accelerate(int ka)
    {
        if (!Acceleration(ka)) return true;
        double vn = 0, an = 0;
        for (int q = 0; q < ka; q++)
        {
            double d = _diag[_active[q]];
            vn += d * d * _velocity[q] * _velocity[q];
            an += d * d * _damped.Solution[q] * _damped.Solution[q];
        }
        if (2 * Math.Sqrt(an) > MaxAccelerationRatio * Math.Sqrt(vn)) return false;
        for (int q = 0; q < ka; q++) _velocity[q] += 0.5 * _damped.Solution[q];
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
        double initial = _system.Evaluate(_theta), cost = initial;
        if (!double.IsFinite(cost)) return (cost, 0, cost);
        double noise = CostNoise(cost);
        for (int a = 0; a < _k; a++)
        {
            double c2 = _system.ColumnNormSquared(a);
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
                    double g = _system.GradientEntry(a);
                    if ((atLower && g > 0) || (atUpper && g < 0)) continue;
                }
                _active[ka++] = a;
            }
            _system.Factorize(_active, ka);
            _damped.Solve(ka, 0, _system.Triangular, _system.ProjectedResiduals, _diag, _active);
            _theta.CopyTo(_trial, 0);
            double dnorm = 0, xnorm = 0;
            for (int q = 0; q < ka; q++)
            {
                int a = _active[q], j = _free[a];
                _trial[j] = Math.Clamp(_theta[j] + _damped.Solution[q], _lower[j], _upper[j]);
                double d = _diag[a] * (_trial[j] - _theta[j]);
                dnorm += d * d;
            }
            for (int a = 0; a < _k; a++) { double v = _diag[a] * _theta[_free[a]]; xnorm += v * v; }
            dnorm = Math.Sqrt(dnorm);
            if (dnorm == 0 || dnorm > 0.95 * previous || (xnorm > 0 && dnorm > MaxPolishStep * Math.Sqrt(xnorm))) break;
            double trialCost = _system.EvaluateTrial(_trial);
            if (!double.IsFinite(trialCost) || trialCost > cost + noise) break;
            _trial.CopyTo(_theta, 0);
            _system.AcceptTrial();
            cost = trialCost;
            previous = dnorm;
            if (dnorm <= 2.220446049250313e-16 * Math.Sqrt(xnorm)) break;
        }
        return (initial, noise, cost);
    }

    /// <summary>
    /// A bound on the rounding error of the objective at the point last evaluated: each r̃ᵢ is off by
    /// about ε·(|fᵢ| + |yᵢ|) scaled as r̃ᵢ (ε·(|log fᵢ| + |log yᵢ| + 1) in log space), which moves ½Σr̃ᵢ² by
    /// |r̃ᵢ| times that; plus n·ε·cost for the sum itself. When the residuals are far smaller than the
    /// data this is far above ε·cost.
    /// </summary>
    private double CostNoise(double cost) => 4 * Epsilon * _system.CostNoiseSum() + _n * Epsilon * cost;

    private const double Epsilon = 2.220446049250313e-16;

    /// <summary>Largest polishing step, relative to ‖D·θ‖: polishing refines a converged point, it does not travel (a flat valley would let it).</summary>
    private const double MaxPolishStep = 1e-4;

    /// <summary>
    /// Geodesic acceleration (Transtrum–Sethna): r̃″ along v by a finite difference with step h,
    /// then the damped solve for a = −(J̃ᵀJ̃ + λD²)⁻¹J̃ᵀr̃″ into the solution of <see cref="DampedLeastSquares"/>
    /// with the rotations of the step's solve (same λ). Only Qᵀr̃″ enters the solve, so it is formed in
    /// the rotated basis: Qᵀr̃″ = 2/h·((Qᵀr̃(θ + h·v) − Qᵀr̃)/h − R·v), as J̃v = Q·R·v.
    /// Returns false when the model is not finite at θ + h·v.
    /// </summary>
    private bool Acceleration(int ka)
    {
        _theta.CopyTo(_trial, 0);
        for (int q = 0; q < ka; q++)
        {
            int j = _free[_active[q]];
            _trial[j] = Math.Clamp(_theta[j] + AccelerationStep * _velocity[q], _lower[j], _upper[j]);
        }
        const double h = AccelerationStep;
        if (!_system.ProjectResidualsAt(_trial, ka, out var projected)) return false;
        var r = _system.Triangular;
        var qtr = _system.ProjectedResiduals;
        for (int j = 0; j < ka; j++)
        {
            double rv = 0;
            for (int c = j; c < ka; c++) rv += r[j * ka + c] * _velocity[c];
            _curvature[j] = 2 / h * ((projected[j] - qtr[j]) / h - rv);
        }
        _damped.SolveWithSameRotations(ka, _curvature);
        return true;
    }
}
