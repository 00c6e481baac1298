namespace ScalingLaws.Fitting;

/// <summary>
/// The <see cref="Linearization"/> that keeps J̃ (n × k, column-major), r̃ and √ρ′ of the current and
/// the trial point in memory, and factorises J̃'s active columns by a Householder QR with r̃ carried
/// along as one more column. Gradient and column norms come from J̃ two columns per pass. With
/// <see cref="UseNormalEquations"/> the factorisation is instead the Cholesky factor of J̃ᵀJ̃ over the active columns
/// (<see cref="NormalEquations"/>), which costs a fraction of the QR; the solver uses it only to screen starts.
/// </summary>
internal sealed class DenseLinearization : Linearization
{
    private readonly int _n, _k;
    private double[] _jac, _res, _scale;                  // at the current point
    private double[] _trialJac, _trialRes, _trialScale;  // at the trial point
    private readonly double[] _projection;                // n: r̃(θ′) rotated by Qᵀ
    private readonly HouseholderQr _qr;
    private readonly NormalEquations _normal;
    private bool _formed;                                 // _normal holds J̃ᵀJ̃ and J̃ᵀr̃ of the current point
    private int[] _normalColumns = [];                    // the active columns of the last Factorize by normal equations

    /// <summary>Buffers for every row of <paramref name="evaluator"/> (its block must be the whole data).</summary>
    public DenseLinearization(ResidualEvaluator evaluator) : base(evaluator)
    {
        _n = evaluator.Rows;
        _k = evaluator.FreeCount;
        if (evaluator.BlockCapacity != _n) throw new ArgumentException("The dense layout evaluates every row at once.", nameof(evaluator));
        _jac = new double[_n * _k]; _res = new double[_n]; _scale = new double[_n];
        _trialJac = new double[_n * _k]; _trialRes = new double[_n]; _trialScale = new double[_n];
        _projection = new double[_n];
        _qr = new HouseholderQr(_n, _k);
        _normal = new NormalEquations(_k);
        if (evaluator.IsPlain) { Array.Fill(_scale, 1.0); Array.Fill(_trialScale, 1.0); }
    }

    /// <summary>
    /// When true, <see cref="Factorize"/> takes the Cholesky factor of J̃ᵀJ̃ (and R⁻ᵀJ̃ᵀr̃ for Qᵀr̃) instead of a
    /// Householder QR of J̃: the same damped steps up to rounding, in the squared condition number. Default false.
    /// </summary>
    public bool UseNormalEquations { get; set; }

    /// <summary>Robust-scaled residuals r̃ at the current point.</summary>
    public ReadOnlySpan<double> ScaledResiduals => _res;

    /// <inheritdoc/>
    public override ReadOnlySpan<double> ProjectedResiduals => UseNormalEquations ? _normal.Projected : _qr.RightHandSide;

    /// <inheritdoc/>
    public override double Evaluate(ReadOnlySpan<double> theta)
    {
        _formed = false;
        return Evaluator.Evaluate(theta, 0, _n, _jac, _res, _scale);
    }

    /// <inheritdoc/>
    public override double EvaluateTrial(ReadOnlySpan<double> theta) => Evaluator.Evaluate(theta, 0, _n, _trialJac, _trialRes, _trialScale);

    /// <inheritdoc/>
    public override void AcceptTrial()
    {
        _formed = false;
        (_jac, _trialJac) = (_trialJac, _jac);
        (_res, _trialRes) = (_trialRes, _res);
        (_scale, _trialScale) = (_trialScale, _scale);
    }

    /// <inheritdoc/>
    public override double ResidualNorm() => Math.Sqrt(VectorMath.SumOfSquares(_res));

    /// <inheritdoc/>
    public override bool JacobianIsFinite() => VectorMath.AllFinite(_jac);

    /// <inheritdoc/>
    public override void GradientAndColumnNorms(double[] gradient, double[] columnNorms)
    {
        if (UseNormalEquations)
        {
            Form();
            for (int a = 0; a < _k; a++)
            {
                gradient[a] = _normal.Gradient[a];
                columnNorms[a] = Math.Sqrt(_normal.Diagonal(a));
            }
            return;
        }
        for (int a = 0; a < _k; a += 2)
        {
            int b = Math.Min(a + 1, _k - 1);
            var first = _jac.AsSpan(a * _n, _n);
            var second = _jac.AsSpan(b * _n, _n);
            var (g0, c0, g1, c1) = VectorMath.DotPairs(first, _res, first, first, second, _res, second, second);
            gradient[a] = g0;
            columnNorms[a] = Math.Sqrt(c0);
            gradient[b] = g1;
            columnNorms[b] = Math.Sqrt(c1);
        }
    }

    /// <inheritdoc/>
    public override double ColumnNormSquared(int a) => VectorMath.SumOfSquares(_jac.AsSpan(a * _n, _n));

    /// <inheritdoc/>
    public override double GradientEntry(int a) => VectorMath.Dot(_jac.AsSpan(a * _n, _n), _res);

    /// <inheritdoc/>
    public override void Factorize(int[] active, int ka)
    {
        if (UseNormalEquations)
        {
            Form();
            _normalColumns = active;
            _normal.Factorize(active, ka, Triangular);
            return;
        }
        for (int q = 0; q < ka; q++) Array.Copy(_jac, active[q] * _n, _qr.Columns, q * _n, _n);
        Array.Copy(_res, _qr.RightHandSide, _n);
        _qr.Factorize(_n, ka, Triangular);
    }

    /// <inheritdoc/>
    public override bool ProjectResidualsAt(ReadOnlySpan<double> theta, int ka, out ReadOnlySpan<double> projected)
    {
        projected = _projection.AsSpan(0, ka);
        if (!Evaluator.ResidualsAt(theta, 0, _n, _scale, _projection)) return false;
        if (UseNormalEquations)
        {
            _normal.Project(_jac, _projection, _normalColumns, ka, Triangular);
            projected = _normal.Probe.AsSpan(0, ka);
            return true;
        }
        _qr.ApplyQTranspose(_projection);
        return true;
    }

    /// <summary>J̃ᵀJ̃ and J̃ᵀr̃ of the current point into the normal equations, once per point.</summary>
    private void Form()
    {
        if (_formed) return;
        _normal.Form(_jac, _res);
        _formed = true;
    }

    /// <inheritdoc/>
    public override double CostNoiseSum() => Evaluator.AddCostNoise(0, 0, _n, _res, _scale);

    /// <inheritdoc/>
    public override double ScaledResidualSumOfSquares()
    {
        double rss = 0;
        foreach (double r in _res) rss += r * r;
        return rss;
    }

    /// <inheritdoc/>
    public override int DownWeightedRows() => CountDownWeighted(_scale, 0);
}
