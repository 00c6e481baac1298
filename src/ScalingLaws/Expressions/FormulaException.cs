namespace ScalingLaws.Expressions;

/// <summary>
/// A formula that cannot be parsed or bound, with the 1-based column of the offending character.
/// The message reads <c>formula column 14: unknown function 'expp'</c>.
/// </summary>
public sealed class FormulaException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="column"/> of <paramref name="formula"/>.</summary>
    /// <param name="formula">The formula text.</param>
    /// <param name="column">1-based column of the problem (one past the end for "end of formula").</param>
    /// <param name="reason">What is wrong, without the column prefix, e.g. <c>unexpected '*'</c>.</param>
    public FormulaException(string formula, int column, string reason)
        : base($"formula column {column}: {reason}")
    {
        Formula = formula;
        Column = column;
        Reason = reason;
    }

    /// <summary>The formula text.</summary>
    public string Formula { get; }

    /// <summary>1-based column of the problem; one past the last character for "end of formula".</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the column prefix.</summary>
    public string Reason { get; }
}
