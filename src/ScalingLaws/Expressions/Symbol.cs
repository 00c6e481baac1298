namespace ScalingLaws.Expressions;

/// <summary>What a name stands for in a compiled formula: the parameter or variable at <paramref name="Index"/>.</summary>
internal readonly record struct Symbol(bool IsParameter, int Index);
