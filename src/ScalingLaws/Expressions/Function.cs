namespace ScalingLaws.Expressions;

/// <summary>Built-in functions of the formula language.</summary>
internal enum Function
{
    Exp,
    Log,
    Sqrt,
    Pow,
    Sin,
    Cos,
    Tan,
    Atan,
    Abs,
    Min,
    Max,
}
