using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ScalingLaws.Expressions;
using ScalingLaws.Laws;

namespace ScalingLaws.Fitting;

/// <summary>
/// The residuals and Jacobian a fit minimises, evaluated over a block of consecutive rows. For row i,
/// rᵢ = √wᵢ·(fᵢ − yᵢ) (√wᵢ·(log fᵢ − log yᵢ) in log space); under a robust loss ρ the solver sees
/// r̃ᵢ = √ρ′(rᵢ²)·rᵢ and J̃ᵢₐ = √ρ′(rᵢ²)·√wᵢ·∂fᵢ/∂θₐ (divided by fᵢ in log space) over the free
/// parameters a — Ceres' corrector for losses with ρ″ ≤ 0 — and the objective is ½Σρ(rᵢ²).
/// A law with a row cache (<see cref="IRowCachedLaw"/>) is evaluated over the block at once from the
/// problem's shared cache; any other law row by row. Buffers hold one block of at most
/// <see cref="BlockCapacity"/> rows, allocated once; evaluating allocates nothing. Not thread-safe.
/// </summary>
internal sealed class ResidualEvaluator
{
    private readonly IScalingLaw _law;
    private readonly FitData _data;
    private readonly RobustLoss _loss;
    private readonly bool _squared;
    private readonly HuberLoss? _huber;    // the loss, when it is Huber's (evaluated four rows at a time)
    private readonly bool _log;
    private readonly int _n, _p, _k;
    private readonly int[] _free;
    private readonly double[] _logTarget;   // log y in log space, else empty (the target is y itself)
    private readonly double[] _sqrtWeight;  // √wᵢ, or empty without weights (√wᵢ = 1)
    private readonly double[] _gradRow;
    private readonly IRowCachedLaw? _rows;  // the law's batch evaluation, when it has one
    private readonly double[] _cache;       // the problem's row cache (n × width), shared read-only
    private readonly int _width;
    private readonly double[] _f;           // model values of the block
    private readonly double[] _g;           // model gradient of the block, p × count column-major
    private readonly double[] _rowScale;    // √wᵢ·√ρ′ (÷ fᵢ in log space): row i of J̃ over row i of ∂f/∂θ
    private readonly double[] _halfRho;     // ½ρ(rᵢ²) of the block, summed in row order

    /// <summary>Prepares the evaluation of <paramref name="problem"/> in blocks of at most <paramref name="blockCapacity"/> rows.</summary>
    public ResidualEvaluator(FitProblem problem, int blockCapacity)
    {
        _law = problem.Law;
        _data = problem.Data;
        _loss = problem.Loss;
        _squared = problem.Loss is SquaredLoss;
        _huber = problem.Loss as HuberLoss;
        _log = problem.Space == ResidualSpace.Log;
        IsPlain = _squared && !_log && _data.Weights.IsEmpty;
        _n = _data.Count;
        _p = _law.Parameters.Length;
        _free = problem.FreeIndices.ToArray();
        _k = _free.Length;
        BlockCapacity = Math.Min(blockCapacity, _n);
        var y = _data.Y; var w = _data.Weights;
        _logTarget = _log ? new double[_n] : [];
        _sqrtWeight = w.IsEmpty ? [] : new double[_n];
        for (int i = 0; i < _logTarget.Length; i++) _logTarget[i] = Math.Log(y[i]);
        for (int i = 0; i < _sqrtWeight.Length; i++) _sqrtWeight[i] = Math.Sqrt(w[i]);
        _gradRow = new double[_p];
        _rows = _law as IRowCachedLaw;
        _cache = problem.RowCache ?? [];
        _width = _rows?.CacheWidth ?? 0;
        _f = new double[BlockCapacity];
        // The plain path writes J̃ in place when every parameter is free.
        _g = IsPlain && _k == _p ? [] : new double[_p * BlockCapacity];
        _rowScale = IsPlain ? [] : new double[BlockCapacity];
        _halfRho = IsPlain ? [] : new double[BlockCapacity];
    }

    /// <summary>Rows n.</summary>
    public int Rows => _n;

    /// <summary>Free parameters k (columns of J̃).</summary>
    public int FreeCount => _k;

    /// <summary>Index among the law's parameters of free parameter a.</summary>
    public int FreeIndex(int a) => _free[a];

    /// <summary>Most rows per block.</summary>
    public int BlockCapacity { get; }

    /// <summary>Squared loss, linear residuals, no weights: r̃ = f − y and J̃ = ∂f/∂θ, √ρ′ = 1.</summary>
    public bool IsPlain { get; }

    /// <summary>
    /// Fills r̃ (<paramref name="residuals"/>), J̃ (<paramref name="jacobian"/>, k × count column-major)
    /// and √ρ′ (<paramref name="robustScales"/>; untouched on the plain path, where it is 1) of rows
    /// [start, start + count) at θ; returns their part of the objective, ½Σρ(rᵢ²), or NaN when the
    /// model is not finite there (or fᵢ ≤ 0 in log space).
    /// </summary>
    public double Evaluate(ReadOnlySpan<double> theta, int start, int count, Span<double> jacobian, Span<double> residuals, Span<double> robustScales)
    {
        jacobian = jacobian.Slice(0, _k * count);
        residuals = residuals.Slice(0, count);
        if (IsPlain)
        {
            bool inPlace = _g.Length == 0;
            ValuesAndGradient(theta, start, count, inPlace ? jacobian : _g);
            VectorMath.Subtract(_f.AsSpan(0, count), Target.Slice(start, count), residuals);
            if (!VectorMath.AllFinite(residuals)) return double.NaN;
            if (!inPlace) for (int a = 0; a < _k; a++) _g.AsSpan(_free[a] * count, count).CopyTo(jacobian.Slice(a * count, count));
            return 0.5 * VectorMath.SumOfSquares(residuals);
        }
        ValuesAndGradient(theta, start, count, _g);
        if (!RobustRows(start, count, residuals, robustScales)) return double.NaN;
        double cost = 0;
        for (int q = 0; q < count; q++) cost += _halfRho[q];
        for (int a = 0; a < _k; a++)
            VectorMath.Multiply(_rowScale.AsSpan(0, count), _g.AsSpan(_free[a] * count, count), jacobian.Slice(a * count, count));
        return cost;
    }

    /// <summary>
    /// From the model values in _f of rows [start, start + count): r̃ᵢ into <paramref name="residuals"/>,
    /// √ρ′ᵢ into <paramref name="robustScales"/>, ½ρ(rᵢ²) into _halfRho and √wᵢ·√ρ′ᵢ (÷ fᵢ in log space)
    /// into _rowScale; false when a residual is not finite. Four rows at a time for the squared and Huber
    /// losses, with the same operations as one row at a time (<see cref="RobustRow"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]  // vector helpers: ReadyToRun leaves it to the JIT, whose first tier is slow
    private bool RobustRows(int start, int count, Span<double> residuals, Span<double> robustScales)
    {
        var target = Target;
        int q = 0;
        if (Vector256.IsHardwareAccelerated && (_squared || _huber is not null))
        {
            var half = Vector256.Create(0.5);
            var notFinite = Vector256<double>.Zero;
            for (; q + 4 <= count; q += 4)
            {
                int i = start + q;
                var f = Vector256.Create(_f.AsSpan(q, 4));
                var r = ResidualBlock(f, target, i, out var sqrtWeight);
                notFinite |= r - r;
                var rowScale = _log ? sqrtWeight / f : sqrtWeight;
                var squared = r * r;
                var rho = squared;
                var robust = Vector256<double>.One;
                if (_huber is not null)
                {
                    rho = _huber.Evaluate(squared, out var derivative);
                    robust = Vector256.Sqrt(derivative);
                }
                (half * rho).CopyTo(_halfRho.AsSpan(q, 4));
                robust.CopyTo(robustScales.Slice(q, 4));
                (robust * r).CopyTo(residuals.Slice(q, 4));
                (rowScale * robust).CopyTo(_rowScale.AsSpan(q, 4));
            }
            if (notFinite != Vector256<double>.Zero) return false;
        }
        for (; q < count; q++)
        {
            int i = start + q;
            double f = _f[q];
            double r = Residual(f, target[i], i);
            if (!double.IsFinite(r)) return false;
            double rowScale = SqrtWeight(i);
            if (_log) rowScale /= f;
            double robust = RobustRow(r, out double rho);
            _halfRho[q] = 0.5 * rho;
            robustScales[q] = robust;
            residuals[q] = robust * r;
            _rowScale[q] = rowScale * robust;
        }
        return true;
    }

    /// <summary>
    /// Residuals rᵢ = √wᵢ·(g(fᵢ) − yᵢ) of the four rows from <paramref name="row"/> with model values
    /// <paramref name="f"/> (g = log in log space, where fᵢ ≤ 0 gives NaN; identity otherwise), √wᵢ in
    /// <paramref name="sqrtWeight"/>: the operations of <see cref="Residual"/> on four rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<double> ResidualBlock(Vector256<double> f, ReadOnlySpan<double> target, int row, out Vector256<double> sqrtWeight)
    {
        sqrtWeight = _sqrtWeight.Length == 0 ? Vector256<double>.One : Vector256.Create(_sqrtWeight.AsSpan(row, 4));
        var r = sqrtWeight * ((_log ? PolynomialLog.Log(f) : f) - Vector256.Create(target.Slice(row, 4)));
        return _log ? Vector256.ConditionalSelect(Vector256.GreaterThan(f, Vector256<double>.Zero), r, Vector256.Create(double.NaN)) : r;
    }

    /// <summary>√ρ′(r²) of one residual, and ρ(r²) in <paramref name="rho"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double RobustRow(double r, out double rho)
    {
        if (_squared) { rho = r * r; return 1; }
        rho = _loss.Evaluate(r * r, out double d1);
        return Math.Sqrt(d1);
    }

    /// <summary>
    /// Robust-scaled residuals at another point θ′ of rows [start, start + count) with the robust
    /// scales of the point last evaluated (<paramref name="robustScales"/>, ignored on the plain path):
    /// √ρ′ᵢ·rᵢ(θ′) into <paramref name="residuals"/>; false when not finite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]  // vector helpers: ReadyToRun leaves it to the JIT, whose first tier is slow
    public bool ResidualsAt(ReadOnlySpan<double> theta, int start, int count, ReadOnlySpan<double> robustScales, Span<double> residuals)
    {
        residuals = residuals.Slice(0, count);
        Values(theta, start, count);
        if (IsPlain)
        {
            VectorMath.Subtract(_f.AsSpan(0, count), Target.Slice(start, count), residuals);
            return VectorMath.AllFinite(residuals);
        }
        var target = Target;
        int q = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var notFinite = Vector256<double>.Zero;
            for (; q + 4 <= count; q += 4)
            {
                int i = start + q;
                var r = ResidualBlock(Vector256.Create(_f.AsSpan(q, 4)), target, i, out _);
                notFinite |= r - r;
                (Vector256.Create(robustScales.Slice(q, 4)) * r).CopyTo(residuals.Slice(q, 4));
            }
            if (notFinite != Vector256<double>.Zero) return false;
        }
        for (; q < count; q++)
        {
            double r = Residual(_f[q], target[start + q], start + q);
            if (!double.IsFinite(r)) return false;
            residuals[q] = robustScales[q] * r;
        }
        return true;
    }

    /// <summary>Residuals √wᵢ·rᵢ (not scaled by the loss) and model values fᵢ of rows [start, start + count) at θ; false when a residual is not finite.</summary>
    public bool Residuals(ReadOnlySpan<double> theta, int start, int count, Span<double> residuals, Span<double> predictions)
    {
        Values(theta, start, count);
        var target = Target;
        for (int q = 0; q < count; q++)
        {
            double f = _f[q];
            predictions[q] = f;
            residuals[q] = Residual(f, target[start + q], start + q);
            if (!double.IsFinite(residuals[q])) return false;
        }
        return true;
    }

    /// <summary>
    /// The part of the objective's rounding error bound (see <see cref="LmSolver.Polish"/>) from rows
    /// [start, start + count) as last evaluated by <see cref="Evaluate"/>: Σ|r̃ᵢ|·√ρ′ᵢ·√wᵢ·sizeᵢ with
    /// sizeᵢ = |fᵢ| + |yᵢ| (|log fᵢ| + |log yᵢ| + 1 in log space), added to <paramref name="sum"/> in row order.
    /// </summary>
    public double AddCostNoise(double sum, int start, int count, ReadOnlySpan<double> residuals, ReadOnlySpan<double> robustScales)
    {
        var target = Target;
        for (int q = 0; q < count; q++)
        {
            int i = start + q;
            double f = _f[q], t = Math.Abs(target[i]);
            double size = _log ? Math.Abs(PolynomialLog.Log(f)) + t + 1 : Math.Abs(f) + t;
            sum += Math.Abs(residuals[q]) * (IsPlain ? 1 : robustScales[q]) * SqrtWeight(i) * size;
        }
        return sum;
    }

    /// <summary>The fitted targets zᵢ: log yᵢ in log space, else yᵢ.</summary>
    private ReadOnlySpan<double> Target => _log ? _logTarget : _data.Y;

    /// <summary>√wᵢ (1 without weights).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double SqrtWeight(int i) => _sqrtWeight.Length == 0 ? 1 : _sqrtWeight[i];

    /// <summary>rᵢ = √wᵢ·(fᵢ − zᵢ), or √wᵢ·(log fᵢ − zᵢ) in log space (NaN for fᵢ ≤ 0; log by <see cref="PolynomialLog"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Residual(double f, double target, int i)
    {
        if (_log) return f > 0 ? SqrtWeight(i) * (PolynomialLog.Log(f) - target) : double.NaN;
        return SqrtWeight(i) * (f - target);
    }

    /// <summary>Model values of rows [start, start + count) at θ into _f.</summary>
    private void Values(ReadOnlySpan<double> theta, int start, int count)
    {
        var f = _f.AsSpan(0, count);
        if (_rows is not null)
        {
            _rows.EvaluateRows(theta, _cache.AsSpan(start * _width, count * _width), f);
            return;
        }
        for (int q = 0; q < count; q++) f[q] = _law.Evaluate(theta, _data.Row(start + q));
    }

    /// <summary>Model values of rows [start, start + count) at θ into _f and their gradient into <paramref name="g"/> (p × count, column-major).</summary>
    private void ValuesAndGradient(ReadOnlySpan<double> theta, int start, int count, Span<double> g)
    {
        var f = _f.AsSpan(0, count);
        if (_rows is not null)
        {
            _rows.EvaluateRowsWithGradient(theta, _cache.AsSpan(start * _width, count * _width), f, g.Slice(0, _p * count));
            return;
        }
        for (int q = 0; q < count; q++)
        {
            f[q] = _law.EvaluateWithGradient(theta, _data.Row(start + q), _gradRow);
            for (int j = 0; j < _p; j++) g[j * count + q] = _gradRow[j];
        }
    }
}
