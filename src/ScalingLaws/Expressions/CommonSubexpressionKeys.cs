using System.Globalization;

namespace ScalingLaws.Expressions;

/// <summary>
/// Canonical text keys of subtrees: equal keys mean equal values, so a subtree is computed once.
/// Operands of commutative operators are ordered, so <c>a*b</c> and <c>b*a</c> share a key.
/// </summary>
internal sealed class CommonSubexpressionKeys
{
    private readonly Dictionary<Node, string> _keys = new(ReferenceEqualityComparer.Instance);

    public string KeyOf(Node node)
    {
        if (_keys.TryGetValue(node, out string? key)) return key;
        key = node switch
        {
            NumberNode number => "#" + number.Value.ToString("R", CultureInfo.InvariantCulture),
            NameNode name => "$" + name.Name,
            NegateNode negate => "(neg " + KeyOf(negate.Operand) + ")",
            BinaryNode binary => BinaryKey(binary),
            CallNode call => "(" + call.Function.Name() + " " + string.Join(" ", call.Arguments.Select(KeyOf)) + ")",
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };
        _keys[node] = key;
        return key;
    }

    private string BinaryKey(BinaryNode binary)
    {
        string left = KeyOf(binary.Left), right = KeyOf(binary.Right);
        if (binary.Operator.IsCommutative() && string.CompareOrdinal(left, right) > 0) (left, right) = (right, left);
        return "(" + binary.Operator.Symbol() + " " + left + " " + right + ")";
    }
}
