using System.Globalization;

namespace ScalingLaws.Data;

/// <summary>
/// A problem with input data, located as precisely as known. The message reads
/// <c>file:line:column: detail</c>, leaving out the parts that are unknown, e.g.
/// <c>runs.csv:14:3: 'abc' is not a number (column 'tokens').</c>
/// </summary>
public sealed class DataException : Exception
{
    /// <summary>Creates a located data error.</summary>
    /// <param name="detail">What is wrong and how to fix it, without the location.</param>
    /// <param name="file">File (or source name) the problem is in; <c>null</c> when unknown.</param>
    /// <param name="line">1-based line; <c>null</c> when unknown.</param>
    /// <param name="column">1-based column (field) number; <c>null</c> when unknown.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DataException(string detail, string? file = null, int? line = null, int? column = null,
        Exception? innerException = null)
        : base(Format(detail, file, line, column), innerException)
    {
        Detail = detail;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>File or source name, or <c>null</c> when unknown.</summary>
    public string? File { get; }

    /// <summary>1-based line number, or <c>null</c> when unknown.</summary>
    public int? Line { get; }

    /// <summary>1-based column (field) number, or <c>null</c> when unknown.</summary>
    public int? Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Detail { get; }

    /// <summary>The location as <c>file:line:column</c> with unknown parts left out; empty when nothing is known.</summary>
    public string Location => FormatLocation(File, Line, Column);

    private static string Format(string detail, string? file, int? line, int? column)
    {
        string location = FormatLocation(file, line, column);
        return location.Length == 0 ? detail : location + ": " + detail;
    }

    private static string FormatLocation(string? file, int? line, int? column)
    {
        var parts = new List<string>(3);
        if (!string.IsNullOrEmpty(file)) parts.Add(file);
        if (line is int l) parts.Add(l.ToString(CultureInfo.InvariantCulture));
        if (column is int c) parts.Add(c.ToString(CultureInfo.InvariantCulture));
        return string.Join(':', parts);
    }
}
