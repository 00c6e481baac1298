namespace ScalingLaws.Expressions;

/// <summary>A name: a variable or a parameter, depending on how the formula is bound.</summary>
internal sealed record NameNode(string Name) : Node
{
    public override int Depth => 1;

    public override string ToString() => Name;
}
