using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ScalingLaws.Fitting;

/// <summary>
/// The dense vector operations of the solver, rounding exactly as the plain scalar loops: element-wise
/// operations on 256-bit vectors (in hardware where available), sums in index order without fused
/// multiply-adds. A sum is a chain of dependent additions, so several sums are computed in one pass
/// (their chains then overlap in the processor) rather than reordered: the solver's results do not
/// depend on the machine, and ill-conditioned fits (NIST Bennett5, MGH10) stop where they always did.
/// </summary>
internal static class VectorMath
{
    private static int Width => Vector256<double>.Count;

    /// <summary>Σ xᵢ·yᵢ, summed in index order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        if (y.Length != n) throw new ArgumentException("Lengths differ.", nameof(y));
        ref double px = ref MemoryMarshal.GetReference(x);
        ref double py = ref MemoryMarshal.GetReference(y);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Unsafe.Add(ref px, i) * Unsafe.Add(ref py, i);
        return sum;
    }

    /// <summary>Σ xᵢ², summed in index order.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x) => Dot(x, x);

    /// <summary>Σ x·y for four pairs (x, y), each summed in index order, in one pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double, double, double, double) DotPairs(
        ReadOnlySpan<double> x0, ReadOnlySpan<double> y0, ReadOnlySpan<double> x1, ReadOnlySpan<double> y1,
        ReadOnlySpan<double> x2, ReadOnlySpan<double> y2, ReadOnlySpan<double> x3, ReadOnlySpan<double> y3)
    {
        int n = x0.Length;
        if (y0.Length != n || x1.Length != n || y1.Length != n || x2.Length != n || y2.Length != n || x3.Length != n || y3.Length != n)
            throw new ArgumentException("Lengths differ.", nameof(y3));
        ref double a0 = ref MemoryMarshal.GetReference(x0);
        ref double b0 = ref MemoryMarshal.GetReference(y0);
        ref double a1 = ref MemoryMarshal.GetReference(x1);
        ref double b1 = ref MemoryMarshal.GetReference(y1);
        ref double a2 = ref MemoryMarshal.GetReference(x2);
        ref double b2 = ref MemoryMarshal.GetReference(y2);
        ref double a3 = ref MemoryMarshal.GetReference(x3);
        ref double b3 = ref MemoryMarshal.GetReference(y3);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < n; i++)
        {
            s0 += Unsafe.Add(ref a0, i) * Unsafe.Add(ref b0, i);
            s1 += Unsafe.Add(ref a1, i) * Unsafe.Add(ref b1, i);
            s2 += Unsafe.Add(ref a2, i) * Unsafe.Add(ref b2, i);
            s3 += Unsafe.Add(ref a3, i) * Unsafe.Add(ref b3, i);
        }
        return (s0, s1, s2, s3);
    }

    /// <summary>Σ xᵢ·yᵢ for four vectors y, each summed in index order, in one pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double, double, double, double) Dot4(ReadOnlySpan<double> x,
        ReadOnlySpan<double> y0, ReadOnlySpan<double> y1, ReadOnlySpan<double> y2, ReadOnlySpan<double> y3)
    {
        int n = x.Length;
        if (y0.Length != n || y1.Length != n || y2.Length != n || y3.Length != n) throw new ArgumentException("Lengths differ.", nameof(y0));
        ref double px = ref MemoryMarshal.GetReference(x);
        ref double p0 = ref MemoryMarshal.GetReference(y0);
        ref double p1 = ref MemoryMarshal.GetReference(y1);
        ref double p2 = ref MemoryMarshal.GetReference(y2);
        ref double p3 = ref MemoryMarshal.GetReference(y3);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < n; i++)
        {
            double xi = Unsafe.Add(ref px, i);
            s0 += xi * Unsafe.Add(ref p0, i);
            s1 += xi * Unsafe.Add(ref p1, i);
            s2 += xi * Unsafe.Add(ref p2, i);
            s3 += xi * Unsafe.Add(ref p3, i);
        }
        return (s0, s1, s2, s3);
    }

    /// <summary>yᵢ += a·xᵢ (a product, then a sum: the same rounding as the scalar loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length;
        if (y.Length != n) throw new ArgumentException("Lengths differ.", nameof(y));
        ref double px = ref MemoryMarshal.GetReference(x);
        ref double py = ref MemoryMarshal.GetReference(y);
        var va = Vector256.Create(a);
        int i = 0;
        for (; i <= n - Width; i += Width)
            (Vector256.LoadUnsafe(ref py, (nuint)i) + va * Vector256.LoadUnsafe(ref px, (nuint)i)).StoreUnsafe(ref py, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref py, i) += a * Unsafe.Add(ref px, i);
    }

    /// <summary>dᵢ = aᵢ·bᵢ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
    {
        int n = a.Length;
        if (b.Length != n || destination.Length != n) throw new ArgumentException("Lengths differ.", nameof(destination));
        ref double pa = ref MemoryMarshal.GetReference(a);
        ref double pb = ref MemoryMarshal.GetReference(b);
        ref double pd = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= n - Width; i += Width)
            (Vector256.LoadUnsafe(ref pa, (nuint)i) * Vector256.LoadUnsafe(ref pb, (nuint)i)).StoreUnsafe(ref pd, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref pd, i) = Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
    }

    /// <summary>True when every xᵢ is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AllFinite(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        ref double px = ref MemoryMarshal.GetReference(x);
        // x − x is 0 for finite x and NaN for ±∞ and NaN; NaN ≠ NaN.
        var bad = Vector256<double>.Zero;
        int i = 0;
        for (; i <= n - Width; i += Width)
        {
            var v = Vector256.LoadUnsafe(ref px, (nuint)i);
            bad |= ~Vector256.Equals(v - v, Vector256<double>.Zero);
        }
        if (bad.AsUInt64() != Vector256<ulong>.Zero) return false;
        for (; i < n; i++) if (!double.IsFinite(Unsafe.Add(ref px, i))) return false;
        return true;
    }
}
