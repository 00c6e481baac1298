namespace ScalingLaws.Expressions;

/// <summary>Symbols, semantics and algebraic properties of <see cref="BinaryOperator"/>.</summary>
internal static class BinaryOperators
{
    public static string Symbol(this BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Power => "^",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.And => "&&",
        BinaryOperator.Or => "||",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>True when swapping the operands gives the same value, bit for bit.</summary>
    public static bool IsCommutative(this BinaryOperator op) =>
        op is BinaryOperator.Add or BinaryOperator.Multiply or BinaryOperator.Equal
            or BinaryOperator.NotEqual or BinaryOperator.And or BinaryOperator.Or;

    /// <summary>True for comparisons and logical operators, whose value is 1 or 0 and whose derivatives are 0.</summary>
    public static bool IsLogical(this BinaryOperator op) => op >= BinaryOperator.Less;

    public static double Apply(this BinaryOperator op, double a, double b) => op switch
    {
        BinaryOperator.Add => a + b,
        BinaryOperator.Subtract => a - b,
        BinaryOperator.Multiply => a * b,
        BinaryOperator.Divide => a / b,
        BinaryOperator.Power => Math.Pow(a, b),
        BinaryOperator.Less => Truth(a < b),
        BinaryOperator.LessOrEqual => Truth(a <= b),
        BinaryOperator.Greater => Truth(a > b),
        BinaryOperator.GreaterOrEqual => Truth(a >= b),
        BinaryOperator.Equal => Truth(a == b),
        BinaryOperator.NotEqual => Truth(a != b),
        BinaryOperator.And => Truth(a != 0 && b != 0),
        BinaryOperator.Or => Truth(a != 0 || b != 0),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static double Truth(bool value) => value ? 1.0 : 0.0;
}
