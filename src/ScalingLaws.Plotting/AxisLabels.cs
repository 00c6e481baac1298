namespace ScalingLaws.Plotting;

/// <summary>Axis labels with units for the column names the toolkit uses.</summary>
public static class AxisLabels
{
    /// <summary>Label of a loss axis: <c>Loss (nats/token)</c>.</summary>
    public const string Loss = "Loss (nats/token)";

    /// <summary>
    /// A label with units for a column: <c>N</c> → <c>Parameters N</c>, <c>D</c> → <c>Training tokens D</c>,
    /// <c>C</c> → <c>Training compute C (FLOP)</c>, <c>U</c> → <c>Unique tokens U</c>, <c>loss</c> and
    /// <c>loss_*</c> → loss in nats/token, <c>w_*</c>/<c>h_*</c> → domain weight; anything else is returned as is.
    /// </summary>
    /// <param name="column">Column or variable name.</param>
    public static string For(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column switch
        {
            "N" => "Parameters N",
            "D" => "Training tokens D",
            "C" => "Training compute C (FLOP)",
            "U" or "U_D" => "Unique tokens U",
            "loss" or "Loss" => Loss,
            _ when column.StartsWith("loss_", StringComparison.Ordinal) => $"Loss on {column[5..]} (nats/token)",
            _ when column.StartsWith("w_", StringComparison.Ordinal) || column.StartsWith("h_", StringComparison.Ordinal)
                => $"Weight of {column[2..]} (fraction)",
            _ => column,
        };
    }

    /// <summary>A short name for legends: <c>N</c> → <c>N</c>, <c>w_github</c> → <c>github</c>.</summary>
    /// <param name="column">Column or variable name.</param>
    public static string Short(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.StartsWith("w_", StringComparison.Ordinal) || column.StartsWith("h_", StringComparison.Ordinal)
            ? column[2..]
            : column;
    }
}
