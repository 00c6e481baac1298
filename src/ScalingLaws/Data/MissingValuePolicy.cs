namespace ScalingLaws.Data;

/// <summary>What binding a table to a law (<c>TableBinding</c>) does with a row whose used value is missing (empty or NaN).</summary>
public enum MissingValuePolicy
{
    /// <summary>Throw a <see cref="DataException"/> naming the first such row (the default).</summary>
    Error,

    /// <summary>Leave such rows out of the fit.</summary>
    DropRow,
}
