using System.Collections.Immutable;

namespace ScalingLaws.Expressions;

/// <summary>A call of a built-in function; the argument count matches its arity.</summary>
internal sealed record CallNode(Function Function, ImmutableArray<Node> Arguments) : Node
{
    public override int Depth { get; } = Arguments.Max(a => a.Depth) + 1;

    public override string ToString() => $"{Function.Name()}({string.Join(", ", Arguments)})";
}
