using System.Text;

namespace ScalingLaws.Data;

/// <summary>Column names the readers derive from domain names.</summary>
internal static class ColumnNames
{
    /// <summary>Letters, digits and '_' kept; every other character becomes '_' (so <c>Pile-CC</c> → <c>Pile_CC</c>).</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name) builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return builder.ToString();
    }
}
