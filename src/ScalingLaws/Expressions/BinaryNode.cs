namespace ScalingLaws.Expressions;

/// <summary>A binary operation.</summary>
internal sealed record BinaryNode(BinaryOperator Operator, Node Left, Node Right) : Node
{
    public override int Depth { get; } = Math.Max(Left.Depth, Right.Depth) + 1;

    public override string ToString() => $"({Left} {Operator.Symbol()} {Right})";
}
