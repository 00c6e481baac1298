namespace ScalingLaws.Expressions;

/// <summary>Evaluates a formula tree directly: slow, simple, and the reference for the compiled code.</summary>
internal static class Interpreter
{
    public static double Evaluate(Node node, Func<string, double> valueOf) => node switch
    {
        NumberNode number => number.Value,
        NameNode name => valueOf(name.Name),
        NegateNode negate => -Evaluate(negate.Operand, valueOf),
        BinaryNode binary => binary.Operator.Apply(Evaluate(binary.Left, valueOf), Evaluate(binary.Right, valueOf)),
        CallNode call => call.Arguments.Length == 1
            ? call.Function.Apply(Evaluate(call.Arguments[0], valueOf))
            : call.Function.Apply(Evaluate(call.Arguments[0], valueOf), Evaluate(call.Arguments[1], valueOf)),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
