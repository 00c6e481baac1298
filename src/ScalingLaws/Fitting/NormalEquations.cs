namespace ScalingLaws.Fitting;

/// <summary>
/// The normal equations of a least-squares system J·δ ≈ −b with J n × k (column-major): the Gram matrix
/// G = JᵀJ and g = Jᵀb, each entry a <see cref="VectorMath.Dot"/> (four per pass, so G and g cost one read of
/// J per four entries), and for a subset of the columns the Cholesky factor R (G = RᵀR, upper-triangular,
/// row-major) with z = R⁻ᵀ·g, the stand-ins for the R and Qᵀb of a QR of those columns: RᵀR = JᵀJ and
/// Rᵀz = Jᵀb, so the damped step (RᵀR + λD²)·δ = −Rᵀz of <see cref="DampedLeastSquares"/> is the same.
/// Forming G squares the condition number of J, so the solver uses this only to screen starts
/// (<see cref="LmSolver"/>); a pivot that rounding leaves at or below 64·ε·Gⱼⱼ (a column in the span of
/// the earlier ones) gives a zero row of R and zⱼ = 0, as a zero column gives in QR. Buffers are allocated
/// once; nothing allocates afterwards. Not thread-safe.
/// </summary>
internal sealed class NormalEquations
{
    private const double Epsilon = 2.220446049250313e-16;

    private readonly int _k;
    private readonly double[] _gram;      // k × k row-major, both triangles
    private readonly int[] _left, _right; // the entries of G (right < k) and g (right = k), four per pass
    private readonly double[] _sums = new double[4];

    /// <summary>Buffers for <paramref name="k"/> columns.</summary>
    public NormalEquations(int k)
    {
        _k = k;
        _gram = new double[k * k];
        Gradient = new double[k];
        Projected = new double[k];
        Probe = new double[k];
        int entries = k * (k + 1) / 2 + k;
        int padded = (entries + 3) / 4 * 4;
        _left = new int[padded];
        _right = new int[padded];
        int e = 0;
        for (int a = 0; a < k; a++)
        {
            for (int b = a; b < k; b++) { _left[e] = a; _right[e++] = b; }
            _left[e] = a; _right[e++] = k;
        }
        for (; e < padded; e++) { _left[e] = _left[e - 1]; _right[e] = _right[e - 1]; }
    }

    /// <summary>g = Jᵀb of the last <see cref="Form"/>.</summary>
    public double[] Gradient { get; }

    /// <summary>z = R⁻ᵀ·g over the columns of the last <see cref="Factorize"/>: its first ka values.</summary>
    public double[] Projected { get; }

    /// <summary>z′ of the last <see cref="Project"/>: its first ka values.</summary>
    public double[] Probe { get; }

    /// <summary>Gₐₐ = ‖Jₐ‖² of the last <see cref="Form"/>.</summary>
    public double Diagonal(int a) => _gram[a * _k + a];

    /// <summary>Forms G = JᵀJ and g = Jᵀb from <paramref name="jacobian"/> (n × k, column-major) and <paramref name="b"/> (n values).</summary>
    public void Form(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> b)
    {
        int n = b.Length;
        for (int e = 0; e < _left.Length; e += 4)
        {
            var (s0, s1, s2, s3) = VectorMath.DotPairs(
                Column(jacobian, b, n, _left[e]), Column(jacobian, b, n, _right[e]),
                Column(jacobian, b, n, _left[e + 1]), Column(jacobian, b, n, _right[e + 1]),
                Column(jacobian, b, n, _left[e + 2]), Column(jacobian, b, n, _right[e + 2]),
                Column(jacobian, b, n, _left[e + 3]), Column(jacobian, b, n, _right[e + 3]));
            _sums[0] = s0; _sums[1] = s1; _sums[2] = s2; _sums[3] = s3;
            for (int q = 0; q < 4; q++)
            {
                int a = _left[e + q], c = _right[e + q];
                if (c == _k) Gradient[a] = _sums[q];
                else { _gram[a * _k + c] = _sums[q]; _gram[c * _k + a] = _sums[q]; }
            }
        }
    }

    /// <summary>
    /// Cholesky factor of G over the columns <paramref name="active"/>[0 … ka) into <paramref name="triangular"/>
    /// (ka × ka, row-major) and z = R⁻ᵀ·g into <see cref="Projected"/>.
    /// </summary>
    public void Factorize(int[] active, int ka, double[] triangular)
    {
        for (int j = 0; j < ka; j++)
        {
            int cj = active[j];
            double d = _gram[cj * _k + cj];
            for (int i = 0; i < j; i++) d -= triangular[i * ka + j] * triangular[i * ka + j];
            if (!(d > 64 * Epsilon * _gram[cj * _k + cj]))
            {
                for (int c = j; c < ka; c++) triangular[j * ka + c] = 0;
                continue;
            }
            double pivot = Math.Sqrt(d);
            triangular[j * ka + j] = pivot;
            for (int c = j + 1; c < ka; c++)
            {
                double s = _gram[cj * _k + active[c]];
                for (int i = 0; i < j; i++) s -= triangular[i * ka + j] * triangular[i * ka + c];
                triangular[j * ka + c] = s / pivot;
            }
        }
        for (int j = 0; j < ka; j++) Projected[j] = Gradient[active[j]];
        ForwardSubstitute(ka, triangular, Projected);
    }

    /// <summary>
    /// z′ = R⁻ᵀ·J_activeᵀ·<paramref name="v"/> into <see cref="Probe"/> with the R of the last <see cref="Factorize"/>
    /// (the same columns): the QR's Qᵀv over those columns.
    /// </summary>
    public void Project(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> v, int[] active, int ka, double[] triangular)
    {
        int n = v.Length;
        int j = 0;
        for (; j + 4 <= ka; j += 4)
            (Probe[j], Probe[j + 1], Probe[j + 2], Probe[j + 3]) = VectorMath.Dot4(v, jacobian.Slice(active[j] * n, n),
                jacobian.Slice(active[j + 1] * n, n), jacobian.Slice(active[j + 2] * n, n), jacobian.Slice(active[j + 3] * n, n));
        for (; j < ka; j++) Probe[j] = VectorMath.Dot(jacobian.Slice(active[j] * n, n), v);
        ForwardSubstitute(ka, triangular, Probe);
    }

    /// <summary>Solves Rᵀ·z = w in place in <paramref name="z"/>; a zero pivot gives zⱼ = 0.</summary>
    private static void ForwardSubstitute(int ka, double[] triangular, double[] z)
    {
        for (int j = 0; j < ka; j++)
        {
            double s = z[j];
            for (int i = 0; i < j; i++) s -= triangular[i * ka + j] * z[i];
            double pivot = triangular[j * ka + j];
            z[j] = pivot != 0 ? s / pivot : 0;
        }
    }

    /// <summary>Column <paramref name="a"/> of J, or b for a = k.</summary>
    private ReadOnlySpan<double> Column(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> b, int n, int a) =>
        a == _k ? b : jacobian.Slice(a * n, n);
}
