using System.Globalization;
using System.Text;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Minimal RFC 4180 CSV writing with invariant, round-trip numbers.</summary>
internal static class Csv
{
    /// <summary>One CSV line from fields (quoted when they contain a comma, quote or newline).</summary>
    public static string Line(IEnumerable<string?> fields) => string.Join(",", fields.Select(Escape));

    /// <summary>A number in round-trip format; empty for NaN/null.</summary>
    public static string Number(double? value) =>
        value is double v && !double.IsNaN(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>A whole table: header then rows, each line ending in \n.</summary>
    public static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(Line(header)).Append('\n');
        foreach (var row in rows) sb.Append(Line(row)).Append('\n');
        return sb.ToString();
    }

    private static string Escape(string? field)
    {
        field ??= "";
        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
