namespace ScalingLaws.Expressions;

/// <summary>A node of a parsed formula. <see cref="object.ToString"/> gives a fully parenthesised form.</summary>
internal abstract record Node
{
    /// <summary>Length of the longest path from this node to a leaf, counting both ends.</summary>
    public abstract int Depth { get; }
}
