namespace ScalingLaws.Expressions;

/// <summary>Unary minus.</summary>
internal sealed record NegateNode(Node Operand) : Node
{
    public override int Depth { get; } = Operand.Depth + 1;

    public override string ToString() => $"(-{Operand})";
}
