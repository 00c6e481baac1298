using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace ScalingLaws.Tests.Expressions;

/// <summary>
/// Generates formula text over variables x, y and parameters a, b, c from operations that stay
/// finite and smooth on the sampled ranges: exponentials of bounded things, logarithms and powers
/// of 1 + u², division by 1 + u², and so on (plus abs, min and max, smooth except on a null set).
/// </summary>
internal static class RandomFormulas
{
    public static readonly string[] Variables = ["x", "y"];

    public static readonly string[] Parameters = ["a", "b", "c"];

    private const int MaxSize = 32;

    /// <summary>A random formula that uses every parameter (missing ones are added as small linear terms).</summary>
    public static Gen<string> Formula() => Gen.Sized(size => Expression(Math.Min(size, MaxSize))).Select(UseEveryParameter);

    private static string UseEveryParameter(string text)
    {
        var used = ScalingLaws.Expressions.Formula.Parse(text).Identifiers;
        return string.Concat(Parameters.Where(p => !used.Contains(p)).Prepend(text).Select((term, k) => k == 0 ? term : $" + 0.5*{term}"));
    }

    /// <summary>Variables in [0.5, 3].</summary>
    public static Gen<double[]> VariableValues() => Gen.ArrayOf(Uniform(0.5, 3), Variables.Length);

    /// <summary>Parameters in [−2, 2].</summary>
    public static Gen<double[]> ParameterValues() => Gen.ArrayOf(Uniform(-2, 2), Parameters.Length);

    public static Gen<double> Uniform(double lower, double upper) =>
        Gen.Choose(0, 1_000_000).Select(k => lower + (upper - lower) * k / 1_000_000.0);

    private static Gen<string> Expression(int size)
    {
        if (size <= 1) return Leaf();
        var child = Gen.Sized(_ => Expression(size / 2));
        return Gen.Frequency(
            (2, Leaf()),
            (8, Gen.Zip(child, child).SelectMany(pair => Gen.Elements(Binary(pair.Item1, pair.Item2)))),
            (8, child.SelectMany(u => Gen.Elements(Unary(u)))));
    }

    private static Gen<string> Leaf() => Gen.OneOf(
        Gen.Elements(Variables.Concat(Parameters).ToArray()),
        Gen.Choose(-30, 30).Where(k => k != 0).Select(k => "(" + (k / 10.0).ToString("R", CultureInfo.InvariantCulture) + ")"));

    /// <summary>
    /// Wrappers of one subformula u. Periodic functions see 2·atan(u), never u itself: the sine of a
    /// huge argument is ill-conditioned, and no tolerance could compare it across evaluation orders.
    /// </summary>
    private static string[] Unary(string u) =>
    [
        $"-({u})",
        $"exp(sin(2*atan({u})))",
        $"exp(atan({u}))",
        $"exp(({u})/(1 + ({u})^2))",
        $"log(1 + ({u})^2)",
        $"ln(1 + ({u})**2)",
        $"sqrt(1 + ({u})^2)",
        $"(1 + ({u})^2)^1.5",
        $"(2 + sin(2*atan({u})))^(-0.5)",
        $"(2 + cos(2*atan({u})))^(-1)",
        $"({u})^2",
        $"({u})^3",
        $"({u})^4",
        $"(1 + ({u})^2)^(-2)",
        $"cos(2*atan({u}))",
        $"sin(2*atan({u}))",
        $"tan(atan({u})/2)",
        $"atan({u})",
        $"abs({u})",
        $"x^atan({u})",
        $"1.5^sin(2*atan({u}))",
        $"pow(y, cos(2*atan({u})))",
    ];

    private static string[] Binary(string u, string v) =>
    [
        $"({u}) + ({v})",
        $"({u}) - ({v})",
        $"({u}) * ({v})",
        $"({u}) / (1 + ({v})^2)",
        $"pow(1 + ({u})^2, atan({v}))",
        $"(1 + ({u})^2)^(({v})/(1 + ({v})^2))",
        $"min({u}, {v})",
        $"max({u}, {v})",
        $"({u}) * exp(-(({v})^2))",
    ];
}
