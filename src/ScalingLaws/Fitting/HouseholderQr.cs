using System.Runtime.CompilerServices;

namespace ScalingLaws.Fitting;

/// <summary>
/// Householder QR of an m × c matrix A (column-major in <see cref="Columns"/>, column q at q·m) with one
/// right-hand side b carried along as a last column (<see cref="RightHandSide"/>): A = Q·R with R
/// c × c upper-triangular (row-major in the <c>triangular</c> buffer given to <see cref="Factorize"/>),
/// and b overwritten by Qᵀb. Each reflector's products with the remaining columns are summed four per
/// pass in the fixed order of <see cref="VectorMath.Dot4"/>. Buffers are allocated once for at most
/// <c>maxRows</c> × <c>maxColumns</c>; factorising allocates nothing. Not thread-safe.
/// </summary>
internal sealed class HouseholderQr
{
    private readonly double[] _beta;   // 2 / vⱼᵀvⱼ of reflector j (0: none)
    private readonly double[] _dots;   // reflector products
    private int _rows, _count;

    /// <summary>Buffers for matrices of at most <paramref name="maxRows"/> rows and <paramref name="maxColumns"/> columns.</summary>
    public HouseholderQr(int maxRows, int maxColumns)
    {
        Columns = new double[maxRows * maxColumns];
        RightHandSide = new double[maxRows];
        _beta = new double[maxColumns];
        _dots = new double[maxColumns + 4];
    }

    /// <summary>A, column-major with m rows per column; overwritten by the Householder vectors.</summary>
    public double[] Columns { get; }

    /// <summary>b, m values; overwritten by Qᵀb.</summary>
    public double[] RightHandSide { get; }

    /// <summary>
    /// Factorises the first <paramref name="count"/> columns of <see cref="Columns"/>, each
    /// <paramref name="rows"/> long: R into <paramref name="triangular"/> (count × count, row-major;
    /// a zero column gives a zero pivot) and Qᵀb into <see cref="RightHandSide"/>.
    /// </summary>
    public void Factorize(int rows, int count, double[] triangular)
    {
        int n = rows, ka = count;
        _rows = rows; _count = count;
        var qr = Columns;
        for (int j = 0; j < ka; j++)
        {
            var v = qr.AsSpan(j * n + j, n - j);
            double norm = Math.Sqrt(VectorMath.SumOfSquares(v));
            if (norm == 0) { _beta[j] = 0; triangular[j * ka + j] = 0; for (int c = j + 1; c < ka; c++) triangular[j * ka + c] = qr[c * n + j]; continue; }
            double alpha = v[0] > 0 ? -norm : norm;
            v[0] -= alpha;
            // Targets: v itself (for vᵀv), the columns right of j, then Qᵀb.
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
            triangular[j * ka + j] = alpha;
            for (int c = j + 1; c < ka; c++) triangular[j * ka + c] = qr[c * n + j];
        }
    }

    /// <summary>Overwrites <paramref name="v"/> (m values) with Qᵀv, Q from the last <see cref="Factorize"/>.</summary>
    public void ApplyQTranspose(Span<double> v)
    {
        int n = _rows;
        for (int j = 0; j < _count; j++)
        {
            if (_beta[j] == 0) continue;
            var h = Columns.AsSpan(j * n + j, n - j);
            var tail = v.Slice(j, n - j);
            double d = VectorMath.Dot(h, tail) * _beta[j];
            VectorMath.AddScaled(-d, h, tail);
        }
    }

    /// <summary>Rows j… of target t of reflector j: column j (t = 0 and past the end), column j + t, or b (the last).</summary>
    private Span<double> Target(int j, int t, int targets) =>
        t == 0 || t >= targets ? Columns.AsSpan(j * _rows + j, _rows - j)
        : t == targets - 1 ? RightHandSide.AsSpan(j, _rows - j)
        : Columns.AsSpan((j + t) * _rows + j, _rows - j);
}
