using System.Reflection;

namespace ScalingLaws.Expressions;

/// <summary>The <see cref="Math"/> (and <see cref="FastMath"/>) methods compiled formulas call.</summary>
internal static class Methods
{
    public static readonly MethodInfo Exp = typeof(FastMath).GetMethod(nameof(FastMath.Exp), BindingFlags.Public | BindingFlags.Static, [typeof(double)])!;
    public static readonly MethodInfo Log = Unary(nameof(Math.Log));
    public static readonly MethodInfo Sqrt = Unary(nameof(Math.Sqrt));
    public static readonly MethodInfo Sin = Unary(nameof(Math.Sin));
    public static readonly MethodInfo Cos = Unary(nameof(Math.Cos));
    public static readonly MethodInfo Tan = Unary(nameof(Math.Tan));
    public static readonly MethodInfo Atan = Unary(nameof(Math.Atan));
    public static readonly MethodInfo Abs = Unary(nameof(Math.Abs));
    public static readonly MethodInfo Pow = Binary(nameof(Math.Pow));
    public static readonly MethodInfo Min = Binary(nameof(Math.Min));
    public static readonly MethodInfo Max = Binary(nameof(Math.Max));

    private static MethodInfo Unary(string name) =>
        typeof(Math).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(double)])!;

    private static MethodInfo Binary(string name) =>
        typeof(Math).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(double), typeof(double)])!;
}
