using System.Text.RegularExpressions;

namespace ScalingLaws.Data;

/// <summary>Wording shared by the readers for cells that are not numbers.</summary>
internal static partial class CellMessages
{
    /// <summary><c>'abc' is not a number (column 'tokens').</c> plus a hint when the mistake is recognisable.</summary>
    public static string NotANumber(string cell, string column)
    {
        var hint = Hint(cell);
        return $"{Quote(cell)} is not a number (column '{column}')." + (hint.Length == 0 ? "" : " " + hint);
    }

    /// <summary>The cell in quotes, cut to its first 60 characters (with its length) when longer, so a huge cell cannot flood a message.</summary>
    public static string Quote(string cell) =>
        cell.Length <= 60 ? $"'{cell}'" : $"'{cell[..60]}…' ({cell.Length:N0} characters)";

    /// <summary>How to fix a cell that is nearly a number, or empty.</summary>
    public static string Hint(string cell)
    {
        var trimmed = cell.Trim();
        if (Thousands().IsMatch(trimmed))
            return "Thousands separators are not allowed: write 1500000 or 1.5e6.";
        if (trimmed.Contains(',') && NumberText.TryParse(trimmed.Replace(',', '.'), out _))
            return "Use '.' as the decimal separator.";
        if (trimmed.Length > 1 && "mbgt".Contains(trimmed[^1]) && NumberText.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), out _))
            return $"Unit suffixes are k/K, M, B/G and T: write {trimmed[..^1]}{char.ToUpperInvariant(trimmed[^1])}"
                + (trimmed[^1] == 'm' ? " for millions (lower-case m is not mega)." : ".");
        return "";
    }

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?[kKMBGT]?$")]
    private static partial Regex Thousands();
}
