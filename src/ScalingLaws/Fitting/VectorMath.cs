using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ScalingLaws.Fitting;

/// <summary>
/// The dense vector operations of the solver on 256-bit vectors (in hardware where available), without
/// fused multiply-adds. Element-wise operations round exactly as the plain scalar loops; sums use eight
/// partial sums in a fixed order (<see cref="Dot"/>), so the solver's results depend only on its
/// inputs — not on the machine, its vector width or the number of threads.
/// </summary>
internal static class VectorMath
{
    private static int Width => Vector256<double>.Count;

    /// <summary>
    /// Σ xᵢ·yᵢ in a fixed order: eight partial sums, sᵣ over the i ≡ r (mod 8) below the largest
    /// multiple of 8, combined as ((s₀ + s₄) + (s₁ + s₅)) + ((s₂ + s₆) + (s₃ + s₇)), then the remaining
    /// terms in index order. See <see cref="VectorMath"/>.
    /// </summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        if (y.Length != n) throw new ArgumentException("Lengths differ.", nameof(y));
        ref double px = ref MemoryMarshal.GetReference(x);
        ref double py = ref MemoryMarshal.GetReference(y);
        var s0 = Vector256<double>.Zero;
        var s1 = Vector256<double>.Zero;
        int i = 0;
        for (; i <= n - 2 * Width; i += 2 * Width)
        {
            s0 += Vector256.LoadUnsafe(ref px, (nuint)i) * Vector256.LoadUnsafe(ref py, (nuint)i);
            s1 += Vector256.LoadUnsafe(ref px, (nuint)(i + Width)) * Vector256.LoadUnsafe(ref py, (nuint)(i + Width));
        }
        double sum = Combine(s0, s1);
        for (; i < n; i++) sum += Unsafe.Add(ref px, i) * Unsafe.Add(ref py, i);
        return sum;
    }

    /// <summary>((a₀ + b₀) + (a₁ + b₁)) + ((a₂ + b₂) + (a₃ + b₃)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Combine(Vector256<double> a, Vector256<double> b)
    {
        var s = a + b;
        return (s.GetElement(0) + s.GetElement(1)) + (s.GetElement(2) + s.GetElement(3));
    }

    /// <summary>Σ xᵢ², in the order of <see cref="Dot"/>.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x) => Dot(x, x);

    /// <summary>Σ x·y for four pairs (x, y), each in the order of <see cref="Dot"/>, in one pass.</summary>
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
        Vector256<double> u0 = default, v0 = default, u1 = default, v1 = default, u2 = default, v2 = default, u3 = default, v3 = default;
        int i = 0;
        for (; i <= n - 2 * Width; i += 2 * Width)
        {
            nuint p = (nuint)i, q = (nuint)(i + Width);
            u0 += Vector256.LoadUnsafe(ref a0, p) * Vector256.LoadUnsafe(ref b0, p);
            v0 += Vector256.LoadUnsafe(ref a0, q) * Vector256.LoadUnsafe(ref b0, q);
            u1 += Vector256.LoadUnsafe(ref a1, p) * Vector256.LoadUnsafe(ref b1, p);
            v1 += Vector256.LoadUnsafe(ref a1, q) * Vector256.LoadUnsafe(ref b1, q);
            u2 += Vector256.LoadUnsafe(ref a2, p) * Vector256.LoadUnsafe(ref b2, p);
            v2 += Vector256.LoadUnsafe(ref a2, q) * Vector256.LoadUnsafe(ref b2, q);
            u3 += Vector256.LoadUnsafe(ref a3, p) * Vector256.LoadUnsafe(ref b3, p);
            v3 += Vector256.LoadUnsafe(ref a3, q) * Vector256.LoadUnsafe(ref b3, q);
        }
        double s0 = Combine(u0, v0), s1 = Combine(u1, v1), s2 = Combine(u2, v2), s3 = Combine(u3, v3);
        for (; i < n; i++)
        {
            s0 += Unsafe.Add(ref a0, i) * Unsafe.Add(ref b0, i);
            s1 += Unsafe.Add(ref a1, i) * Unsafe.Add(ref b1, i);
            s2 += Unsafe.Add(ref a2, i) * Unsafe.Add(ref b2, i);
            s3 += Unsafe.Add(ref a3, i) * Unsafe.Add(ref b3, i);
        }
        return (s0, s1, s2, s3);
    }

    /// <summary>Σ xᵢ·yᵢ for four vectors y, each in the order of <see cref="Dot"/>, in one pass.</summary>
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
        Vector256<double> u0 = default, v0 = default, u1 = default, v1 = default, u2 = default, v2 = default, u3 = default, v3 = default;
        int i = 0;
        for (; i <= n - 2 * Width; i += 2 * Width)
        {
            nuint p = (nuint)i, q = (nuint)(i + Width);
            var xp = Vector256.LoadUnsafe(ref px, p);
            var xq = Vector256.LoadUnsafe(ref px, q);
            u0 += xp * Vector256.LoadUnsafe(ref p0, p);
            v0 += xq * Vector256.LoadUnsafe(ref p0, q);
            u1 += xp * Vector256.LoadUnsafe(ref p1, p);
            v1 += xq * Vector256.LoadUnsafe(ref p1, q);
            u2 += xp * Vector256.LoadUnsafe(ref p2, p);
            v2 += xq * Vector256.LoadUnsafe(ref p2, q);
            u3 += xp * Vector256.LoadUnsafe(ref p3, p);
            v3 += xq * Vector256.LoadUnsafe(ref p3, q);
        }
        double s0 = Combine(u0, v0), s1 = Combine(u1, v1), s2 = Combine(u2, v2), s3 = Combine(u3, v3);
        for (; i < n; i++)
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

    /// <summary>dᵢ = aᵢ − bᵢ.</summary>
    public static void Subtract(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination)
    {
        int n = a.Length;
        if (b.Length != n || destination.Length != n) throw new ArgumentException("Lengths differ.", nameof(destination));
        ref double pa = ref MemoryMarshal.GetReference(a);
        ref double pb = ref MemoryMarshal.GetReference(b);
        ref double pd = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        for (; i <= n - Width; i += Width)
            (Vector256.LoadUnsafe(ref pa, (nuint)i) - Vector256.LoadUnsafe(ref pb, (nuint)i)).StoreUnsafe(ref pd, (nuint)i);
        for (; i < n; i++) Unsafe.Add(ref pd, i) = Unsafe.Add(ref pa, i) - Unsafe.Add(ref pb, i);
    }

    /// <summary>True when every xᵢ is finite.</summary>
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
