namespace ScalingLaws.Expressions;

/// <summary>Replaces every subtree without names by the number it evaluates to.</summary>
internal static class ConstantFolder
{
    public static Node Fold(Node node)
    {
        switch (node)
        {
            case NegateNode negate:
                Node operand = Fold(negate.Operand);
                return operand is NumberNode n ? new NumberNode(-n.Value) : new NegateNode(operand);
            case BinaryNode binary:
                Node left = Fold(binary.Left), right = Fold(binary.Right);
                return left is NumberNode a && right is NumberNode b
                    ? new NumberNode(binary.Operator.Apply(a.Value, b.Value))
                    : new BinaryNode(binary.Operator, left, right);
            case CallNode call:
                var arguments = call.Arguments.Select(Fold).ToArray();
                if (arguments.All(a => a is NumberNode))
                {
                    var values = arguments.Select(a => ((NumberNode)a).Value).ToArray();
                    return new NumberNode(values.Length == 1 ? call.Function.Apply(values[0]) : call.Function.Apply(values[0], values[1]));
                }
                return new CallNode(call.Function, [.. arguments]);
            default:
                return node;
        }
    }
}
