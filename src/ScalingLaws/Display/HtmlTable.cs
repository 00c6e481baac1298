using System.Net;
using System.Text;

namespace ScalingLaws.Display;

/// <summary>Builds one HTML table: an optional caption, a header row and body rows; numeric cells are right-aligned.</summary>
internal sealed class HtmlTable(string caption, params string[] header)
{
    private readonly List<(string Text, bool Numeric)[]> _rows = [];

    /// <summary>Adds a row of cells made by <see cref="Text"/> or <see cref="Number"/>.</summary>
    public HtmlTable Row(params (string Text, bool Numeric)[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    /// <summary>Appends the table to <paramref name="html"/>.</summary>
    public void WriteTo(StringBuilder html)
    {
        html.Append("<table>");
        if (caption.Length > 0) html.Append("<caption>").Append(Encode(caption)).Append("</caption>");
        html.Append("<thead><tr>");
        foreach (var h in header) html.Append("<th>").Append(Encode(h)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            foreach (var (text, numeric) in row)
                html.Append(numeric ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">").Append(Encode(text)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>\n");
    }

    /// <summary>A text cell.</summary>
    public static (string, bool) Text(string text) => (text, false);

    /// <summary>A numeric cell already formatted.</summary>
    public static (string, bool) Number(string text) => (text, true);

    /// <summary>HTML-encodes text.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
