using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScalingLaws.Fitting;

/// <summary>
/// The damped Gauss–Newton step of Levenberg–Marquardt from a QR factorisation J̃ = Q·R (MINPACK's
/// qrsolv): δ solves [R; √λ·D]·δ = [−Qᵀb; 0] in the least-squares sense, i.e.
/// (RᵀR + λD²)·δ = −Rᵀ·Qᵀb. Givens rotations reduce [R; √λ·D] to an upper-triangular S, then S·δ is
/// solved by back substitution (a zero pivot gives δⱼ = 0). The rotations are kept so that
/// <see cref="SolveWithSameRotations"/> solves for another right-hand side with the same R, D and λ.
/// Buffers for at most k columns are allocated once; solving allocates nothing. Not thread-safe.
/// </summary>
internal sealed class DampedLeastSquares
{
    private readonly double[] _s, _sdiag;
    private readonly double[] _rotationCos, _rotationSin;  // k × k (NaN cosine: no rotation)

    /// <summary>Buffers for at most <paramref name="k"/> unknowns.</summary>
    public DampedLeastSquares(int k)
    {
        _s = new double[k * k]; _sdiag = new double[k];
        _rotationCos = new double[k * k]; _rotationSin = new double[k * k];
        Solution = new double[k];
    }

    /// <summary>δ of the last solve, the first ka values.</summary>
    public double[] Solution { get; }

    /// <summary>
    /// Solves [R; √λ·D]·δ = [−Qᵀb; 0] into <see cref="Solution"/>: R is ka × ka upper-triangular
    /// (row-major in <paramref name="triangular"/>), Qᵀb the first ka values of <paramref name="qtb"/>,
    /// and Dⱼ = <paramref name="diagonal"/>[<paramref name="active"/>[j]].
    /// </summary>
    public void Solve(int ka, double lambda, double[] triangular, ReadOnlySpan<double> qtb, double[] diagonal, int[] active)
    {
        Array.Copy(triangular, _s, ka * ka);
        ref double s = ref MemoryMarshal.GetArrayDataReference(_s);
        ref double sdiag = ref MemoryMarshal.GetArrayDataReference(_sdiag);
        ref double wa = ref MemoryMarshal.GetArrayDataReference(Solution);
        ref double rotCos = ref MemoryMarshal.GetArrayDataReference(_rotationCos);
        ref double rotSin = ref MemoryMarshal.GetArrayDataReference(_rotationSin);
        for (int j = 0; j < ka; j++) Unsafe.Add(ref wa, j) = -qtb[j];
        double sl = Math.Sqrt(lambda);
        for (int j = 0; j < ka; j++)
        {
            double dj = diagonal[active[j]] * sl;
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
    /// The solve of <see cref="Solve"/> for another right-hand side (the first ka values of
    /// <paramref name="qtb"/>), reusing the rotations and S of the last <see cref="Solve"/>: the same
    /// arithmetic, without recomputing the rotations.
    /// </summary>
    public void SolveWithSameRotations(int ka, ReadOnlySpan<double> qtb)
    {
        ref double wa = ref MemoryMarshal.GetArrayDataReference(Solution);
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

    /// <summary>‖R·x‖² for a ka × ka upper-triangular R (row-major).</summary>
    public static double TriangularProductNormSquared(int ka, double[] triangular, double[] x)
    {
        double sum = 0;
        for (int j = 0; j < ka; j++)
        {
            double t = 0;
            for (int c = j; c < ka; c++) t += triangular[j * ka + c] * x[c];
            sum += t * t;
        }
        return sum;
    }

    /// <summary>Solves S·δ = w (S upper-triangular in _s, w in <see cref="Solution"/>) in place; a zero pivot gives δⱼ = 0.</summary>
    private void BackSubstitute(int ka)
    {
        ref double s = ref MemoryMarshal.GetArrayDataReference(_s);
        ref double wa = ref MemoryMarshal.GetArrayDataReference(Solution);
        for (int j = ka - 1; j >= 0; j--)
        {
            ref double srow = ref Unsafe.Add(ref s, j * ka);
            double sum = Unsafe.Add(ref wa, j);
            for (int i = j + 1; i < ka; i++) sum -= Unsafe.Add(ref srow, i) * Unsafe.Add(ref wa, i);
            double d = Unsafe.Add(ref srow, j);
            Unsafe.Add(ref wa, j) = d != 0 ? sum / d : 0;
        }
    }
}
