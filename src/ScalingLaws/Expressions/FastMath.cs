using System.Runtime.CompilerServices;

namespace ScalingLaws.Expressions;

/// <summary>
/// Elementary functions with exactly the results of <see cref="Math"/>, faster where the C library
/// takes a slow path. Fits try wild parameters, and exp of a large negative argument (the result
/// underflows to 0) costs the C library several times a normal call, for errno and its error hooks.
/// </summary>
internal static class FastMath
{
    /// <summary>
    /// eˣ: 0 below −746 and +∞ above 710 (where the correctly rounded result is already 0 and +∞:
    /// eˣ rounds to 0 from x ≤ −745.1332… and overflows from x ≥ 709.7827…), else <see cref="Math.Exp"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x)
    {
        if (x < -746) return 0;
        if (x > 710) return double.PositiveInfinity;
        return Math.Exp(x);
    }
}
