namespace ScalingLaws.Expressions;

/// <summary>Names, arities and semantics of <see cref="Function"/>.</summary>
internal static class Functions
{
    public static bool TryLookup(string name, out Function function)
    {
        Function? found = name switch
        {
            "exp" => Function.Exp,
            "log" or "ln" => Function.Log,
            "sqrt" => Function.Sqrt,
            "pow" => Function.Pow,
            "sin" => Function.Sin,
            "cos" => Function.Cos,
            "tan" => Function.Tan,
            "atan" => Function.Atan,
            "abs" => Function.Abs,
            "min" => Function.Min,
            "max" => Function.Max,
            _ => null,
        };
        function = found.GetValueOrDefault();
        return found.HasValue;
    }

    public static string Name(this Function function) => function switch
    {
        Function.Exp => "exp",
        Function.Log => "log",
        Function.Sqrt => "sqrt",
        Function.Pow => "pow",
        Function.Sin => "sin",
        Function.Cos => "cos",
        Function.Tan => "tan",
        Function.Atan => "atan",
        Function.Abs => "abs",
        Function.Min => "min",
        Function.Max => "max",
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };

    public static int Arity(this Function function) =>
        function is Function.Pow or Function.Min or Function.Max ? 2 : 1;

    public static double Apply(this Function function, double a, double b = double.NaN) => function switch
    {
        Function.Exp => Math.Exp(a),
        Function.Log => Math.Log(a),
        Function.Sqrt => Math.Sqrt(a),
        Function.Pow => Math.Pow(a, b),
        Function.Sin => Math.Sin(a),
        Function.Cos => Math.Cos(a),
        Function.Tan => Math.Tan(a),
        Function.Atan => Math.Atan(a),
        Function.Abs => Math.Abs(a),
        Function.Min => Math.Min(a, b),
        Function.Max => Math.Max(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };
}
