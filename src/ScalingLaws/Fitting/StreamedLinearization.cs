namespace ScalingLaws.Fitting;

/// <summary>
/// The <see cref="Linearization"/> for many rows: J̃ is never held whole. Each evaluation goes through
/// the rows in blocks and folds each block into the QR of all k columns (TSQR): R ← triangular factor
/// of [R; J̃_block] and Qᵀr̃ ← the same rotations applied to [Qᵀr̃; r̃_block], by Householder
/// reflections. Since J̃ = Q·R, the gradient is J̃ᵀr̃ = Rᵀ·(Qᵀr̃), the column norms are those of R, and
/// the QR of some columns of J̃ is the QR of those columns of R. For the geodesic acceleration,
/// Qᵀr̃(θ′) = R⁻ᵀ·J̃ᵀr̃(θ′), with J̃ evaluated again block by block (a zero pivot gives 0). Memory is
/// O(block × k) instead of O(n × k); the results agree with <see cref="DenseLinearization"/> to rounding.
/// </summary>
internal sealed class StreamedLinearization : Linearization
{
    private readonly int _n, _k, _p, _block;
    private PointState _current, _trial;
    private readonly double[] _jac, _res, _scale;   // one block, k × block column-major
    private readonly double[] _projection;          // J̃ᵀr̃(θ′), then Qᵀr̃(θ′), k values
    private readonly HouseholderQr _stack;          // [R; J̃_block] with [Qᵀr̃; r̃_block]
    private readonly HouseholderQr _small;          // the active columns of R with Qᵀr̃
    private readonly int[] _active;                 // the columns of the last Factorize

    /// <summary>Buffers for one block of <paramref name="evaluator"/>.</summary>
    public StreamedLinearization(ResidualEvaluator evaluator, int parameterCount) : base(evaluator)
    {
        _n = evaluator.Rows;
        _k = evaluator.FreeCount;
        _p = parameterCount;
        _block = evaluator.BlockCapacity;
        _current = new PointState(_k, _p);
        _trial = new PointState(_k, _p);
        _jac = new double[_block * _k]; _res = new double[_block]; _scale = new double[_block];
        _projection = new double[_k];
        _active = new int[_k];
        _stack = new HouseholderQr(_k + _block, _k);
        _small = new HouseholderQr(_k, _k);
        if (evaluator.IsPlain) Array.Fill(_scale, 1.0);
    }

    /// <inheritdoc/>
    public override ReadOnlySpan<double> ProjectedResiduals => _small.RightHandSide;

    /// <inheritdoc/>
    public override double Evaluate(ReadOnlySpan<double> theta) => Linearize(theta, _current);

    /// <inheritdoc/>
    public override double EvaluateTrial(ReadOnlySpan<double> theta) => Linearize(theta, _trial);

    /// <inheritdoc/>
    public override void AcceptTrial() => (_current, _trial) = (_trial, _current);

    /// <inheritdoc/>
    public override double ResidualNorm() => Math.Sqrt(_current.ResidualSquares);

    /// <inheritdoc/>
    public override bool JacobianIsFinite() => _current.JacobianIsFinite;

    /// <inheritdoc/>
    public override void GradientAndColumnNorms(double[] gradient, double[] columnNorms)
    {
        for (int a = 0; a < _k; a++)
        {
            gradient[a] = GradientEntry(a);
            columnNorms[a] = Math.Sqrt(ColumnNormSquared(a));
        }
    }

    /// <inheritdoc/>
    public override double ColumnNormSquared(int a)
    {
        double sum = 0;
        for (int j = 0; j <= a; j++) { double v = _current.R[j * _k + a]; sum += v * v; }
        return sum;
    }

    /// <inheritdoc/>
    public override double GradientEntry(int a)
    {
        double sum = 0;
        for (int j = 0; j <= a; j++) sum += _current.R[j * _k + a] * _current.Qtr[j];
        return sum;
    }

    /// <inheritdoc/>
    public override void Factorize(int[] active, int ka)
    {
        Array.Copy(active, _active, ka);
        var columns = _small.Columns;
        for (int q = 0; q < ka; q++)
            for (int j = 0; j < _k; j++) columns[q * _k + j] = _current.R[j * _k + active[q]];
        _current.Qtr.CopyTo(_small.RightHandSide, 0);
        _small.Factorize(_k, ka, Triangular);
    }

    /// <inheritdoc/>
    public override bool ProjectResidualsAt(ReadOnlySpan<double> theta, int ka, out ReadOnlySpan<double> projected)
    {
        projected = _projection.AsSpan(0, ka);
        // J̃ₐᵀr̃(θ′) over the active columns, in the order of the last Factorize.
        Array.Clear(_projection);
        for (int start = 0; start < _n; start += _block)
        {
            int count = Math.Min(_block, _n - start);
            Evaluator.Evaluate(_current.Theta, start, count, _jac, _res, _scale);
            if (!Evaluator.ResidualsAt(theta, start, count, _scale, _res)) return false;
            for (int q = 0; q < ka; q++)
                _projection[q] += VectorMath.Dot(_jac.AsSpan(_active[q] * count, count), _res.AsSpan(0, count));
        }
        // Forward substitution with Rᵀ: Qᵀr̃(θ′) = R⁻ᵀ·J̃ᵀr̃(θ′).
        for (int j = 0; j < ka; j++)
        {
            double sum = _projection[j];
            for (int i = 0; i < j; i++) sum -= Triangular[i * ka + j] * _projection[i];
            double d = Triangular[j * ka + j];
            _projection[j] = d != 0 ? sum / d : 0;
        }
        return true;
    }

    /// <inheritdoc/>
    public override double CostNoiseSum()
    {
        double sum = 0;
        for (int start = 0; start < _n; start += _block)
        {
            int count = Math.Min(_block, _n - start);
            Evaluator.Evaluate(_current.Theta, start, count, _jac, _res, _scale);
            sum = Evaluator.AddCostNoise(sum, start, count, _res, _scale);
        }
        return sum;
    }

    /// <inheritdoc/>
    public override double ScaledResidualSumOfSquares() => _current.ResidualSquares;

    /// <inheritdoc/>
    public override int DownWeightedRows()
    {
        if (Evaluator.IsPlain) return 0;
        int downWeighted = 0;
        for (int start = 0; start < _n; start += _block)
        {
            int count = Math.Min(_block, _n - start);
            Evaluator.Evaluate(_current.Theta, start, count, _jac, _res, _scale);
            downWeighted = CountDownWeighted(_scale.AsSpan(0, count), downWeighted);
        }
        return downWeighted;
    }

    /// <summary>Evaluates every block at θ and folds it into <paramref name="state"/>'s R and Qᵀr̃; returns the objective.</summary>
    private double Linearize(ReadOnlySpan<double> theta, PointState state)
    {
        theta.CopyTo(state.Theta);
        Array.Clear(state.R);
        Array.Clear(state.Qtr);
        state.JacobianIsFinite = true;
        double cost = 0, squares = 0;
        int k = _k;
        for (int start = 0; start < _n; start += _block)
        {
            int count = Math.Min(_block, _n - start);
            double part = Evaluator.Evaluate(theta, start, count, _jac, _res, _scale);
            if (!double.IsFinite(part)) return double.NaN;
            cost += part;
            var res = _res.AsSpan(0, count);
            squares += VectorMath.SumOfSquares(res);
            var jac = _jac.AsSpan(0, k * count);
            if (!VectorMath.AllFinite(jac)) state.JacobianIsFinite = false;
            if (!state.JacobianIsFinite) continue;
            int rows = k + count;
            var columns = _stack.Columns;
            for (int a = 0; a < k; a++)
            {
                for (int j = 0; j < k; j++) columns[a * rows + j] = state.R[j * k + a];
                jac.Slice(a * count, count).CopyTo(columns.AsSpan(a * rows + k, count));
            }
            state.Qtr.CopyTo(_stack.RightHandSide, 0);
            res.CopyTo(_stack.RightHandSide.AsSpan(k, count));
            _stack.Factorize(rows, k, state.R);
            _stack.RightHandSide.AsSpan(0, k).CopyTo(state.Qtr);
        }
        state.ResidualSquares = squares;
        return cost;
    }

    /// <summary>What the solver keeps of one point: θ, R and Qᵀr̃ of all k columns, Σr̃², and whether J̃ is finite.</summary>
    private sealed class PointState(int k, int p)
    {
        public double[] Theta { get; } = new double[p];
        public double[] R { get; } = new double[k * k];
        public double[] Qtr { get; } = new double[k];
        public double ResidualSquares { get; set; }
        public bool JacobianIsFinite { get; set; }
    }
}
