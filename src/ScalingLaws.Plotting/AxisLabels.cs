using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Plotting;

/// <summary>Axis labels with units for the column names the toolkit uses.</summary>
public static class AxisLabels
{
    /// <summary>Label of a loss axis: <c>Loss (nats/token)</c>.</summary>
    public const string Loss = "Loss (nats/token)";

    /// <summary>
    /// A label with units for a column: <c>N</c> → <c>Parameters N</c>, <c>D</c> → <c>Training tokens D</c>,
    /// <c>C</c> → <c>Training compute C (FLOP)</c>, <c>U</c> → <c>Unique tokens U</c>, <c>loss</c> and
    /// <c>loss_*</c> → loss in nats/token, a domain weight of <paramref name="law"/> (<see cref="IMixtureLaw.Domains"/>) →
    /// <c>Weight of DOMAIN (fraction)</c>; anything else is returned as is.
    /// </summary>
    /// <param name="column">Column or variable name.</param>
    /// <param name="law">The law whose variable the column is, if any: it says which variables are domain weights.</param>
    public static string For(string column, IScalingLaw? law = null)
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
            _ when law is IMixtureLaw mixture && mixture.Domains.Contains(column) => $"Weight of {WeightColumnNames.Domain(column)} (fraction)",
            _ => column,
        };
    }
}
