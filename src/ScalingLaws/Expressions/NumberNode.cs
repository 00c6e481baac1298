using System.Globalization;

namespace ScalingLaws.Expressions;

/// <summary>A numeric constant (a literal, <c>pi</c>, or a folded parameter-free subtree).</summary>
internal sealed record NumberNode(double Value) : Node
{
    public override int Depth => 1;

    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
