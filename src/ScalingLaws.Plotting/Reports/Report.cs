using System.Collections.Immutable;
using System.Net;
using System.Text;

namespace ScalingLaws.Plotting.Reports;

/// <summary>
/// A finished report: a title and blocks in order. It renders to Markdown (figures as relative image links into a
/// figure folder) and to one self-contained HTML file (inline CSS, figures embedded as base64 PNG, so it opens
/// anywhere), and <see cref="WriteTo"/> writes both with the figure PNGs, each file atomically.
/// </summary>
/// <param name="Title">The title.</param>
/// <param name="Blocks">The blocks, in document order.</param>
public sealed record Report(string Title, ImmutableArray<ReportBlock> Blocks)
{
    /// <summary>Default folder for figure files, relative to the report: <c>figures</c>.</summary>
    public const string DefaultFigureFolder = "figures";

    /// <summary>The figures, in document order.</summary>
    public IEnumerable<FigureBlock> Figures => Blocks.OfType<FigureBlock>();

    /// <summary>
    /// Writes <c>&lt;baseName&gt;.md</c>, <c>&lt;baseName&gt;.html</c> and the figures (in
    /// <paramref name="figureFolder"/>) into <paramref name="directory"/>, creating folders as needed. Figures are
    /// written first, then the Markdown, then the HTML; each file goes to a temporary file that is renamed into
    /// place, so no file is ever seen half-written.
    /// </summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="baseName">File name of the Markdown and HTML files without extension. Default <c>report</c>.</param>
    /// <param name="figureFolder">Folder of the figure files, relative to <paramref name="directory"/>. Default <c>figures</c>.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="ArgumentException"><paramref name="baseName"/> or <paramref name="figureFolder"/> is empty or not a plain relative name.</exception>
    public ReportFiles WriteTo(string directory, string baseName = "report", string figureFolder = DefaultFigureFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        CheckRelativeName(baseName, nameof(baseName));
        CheckRelativeName(figureFolder, nameof(figureFolder));
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var figures = ImmutableArray.CreateBuilder<string>();
        foreach (var figure in Figures)
        {
            var path = Path.Combine(root, figureFolder, figure.FileName);
            AtomicFile.WriteAllBytes(path, figure.Png.AsSpan());
            figures.Add(path);
        }
        var markdown = Path.Combine(root, baseName + ".md");
        AtomicFile.WriteAllText(markdown, ToMarkdown(figureFolder));
        var html = Path.Combine(root, baseName + ".html");
        AtomicFile.WriteAllText(html, ToHtml());
        return new ReportFiles(markdown, html, figures.ToImmutable());
    }

    /// <summary>The report as Markdown (CommonMark with GitHub tables); figures link to <c>&lt;figureFolder&gt;/&lt;file&gt;</c>.</summary>
    /// <param name="figureFolder">Folder of the figure files, relative to the Markdown file. Default <c>figures</c>.</param>
    public string ToMarkdown(string figureFolder = DefaultFigureFolder)
    {
        ArgumentNullException.ThrowIfNull(figureFolder);
        var md = new StringBuilder();
        md.Append("# ").Append(EscapeMarkdown(Title)).Append("\n\n");
        int figureNumber = 0, tableNumber = 0;
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    md.Append("## ").Append(EscapeMarkdown(h.Text)).Append("\n\n");
                    break;
                case ParagraphBlock p:
                    md.Append(EscapeLineStart(EscapeMarkdown(OneLine(p.Text)))).Append("\n\n");
                    break;
                case PreformattedBlock pre:
                    string fence = pre.Text.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
                    md.Append(fence).Append("text\n").Append(pre.Text.TrimEnd('\n')).Append('\n').Append(fence).Append("\n\n");
                    break;
                case TableBlock t:
                    if (t.Caption.Length > 0) md.Append("**Table ").Append(++tableNumber).Append(".** ").Append(EscapeMarkdown(OneLine(t.Caption))).Append("\n\n");
                    md.Append('|');
                    foreach (var cell in t.Header) md.Append(' ').Append(EscapeCell(cell)).Append(" |");
                    md.Append("\n|");
                    for (int j = 0; j < t.Header.Length; j++) md.Append(t.NumericColumns[j] ? " ---: |" : " --- |");
                    md.Append('\n');
                    foreach (var row in t.Rows)
                    {
                        md.Append('|');
                        foreach (var cell in row) md.Append(' ').Append(EscapeCell(cell)).Append(" |");
                        md.Append('\n');
                    }
                    md.Append('\n');
                    break;
                case FigureBlock f:
                    figureNumber++;
                    var link = figureFolder.Length == 0 ? f.FileName : figureFolder.TrimEnd('/', '\\').Replace('\\', '/') + "/" + f.FileName;
                    md.Append("![").Append(EscapeMarkdown(OneLine(f.Caption))).Append("](").Append(Uri.EscapeDataString(link).Replace("%2F", "/", StringComparison.Ordinal)).Append(")\n\n");
                    md.Append("*Figure ").Append(figureNumber).Append(". ").Append(EscapeMarkdown(OneLine(f.Caption))).Append("*\n\n");
                    break;
                default:
                    throw new NotSupportedException($"Unknown report block {block.GetType().Name}.");
            }
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>The report as one self-contained HTML5 page: inline CSS and figures embedded as base64 PNG.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"ScalingLaws.Plotting\">\n")
            .Append("<title>").Append(Encode(Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Encode(Title)).Append("</h1>\n");
        int figureNumber = 0, tableNumber = 0;
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    html.Append("<h2>").Append(Encode(h.Text)).Append("</h2>\n");
                    break;
                case ParagraphBlock p:
                    html.Append("<p>").Append(Encode(OneLine(p.Text))).Append("</p>\n");
                    break;
                case PreformattedBlock pre:
                    html.Append("<pre>").Append(Encode(pre.Text.TrimEnd('\n'))).Append("</pre>\n");
                    break;
                case TableBlock t:
                    // The caption is a paragraph rather than <caption>, which would wrap to the table's width.
                    if (t.Caption.Length > 0)
                        html.Append("<p class=\"caption\"><strong>Table ").Append(++tableNumber).Append(".</strong> ").Append(Encode(OneLine(t.Caption))).Append("</p>\n");
                    html.Append("<table>\n");
                    html.Append("<thead><tr>");
                    for (int j = 0; j < t.Header.Length; j++)
                        html.Append(t.NumericColumns[j] ? "<th class=\"num\">" : "<th>").Append(Encode(t.Header[j])).Append("</th>");
                    html.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        for (int j = 0; j < row.Length; j++)
                            html.Append(t.NumericColumns[j] ? "<td class=\"num\">" : "<td>").Append(Encode(row[j])).Append("</td>");
                        html.Append("</tr>\n");
                    }
                    html.Append("</tbody>\n</table>\n");
                    break;
                case FigureBlock f:
                    figureNumber++;
                    html.Append("<figure>\n<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(f.Png.AsSpan()))
                        .Append("\" width=\"").Append(f.Width).Append("\" height=\"").Append(f.Height)
                        .Append("\" alt=\"").Append(Encode(OneLine(f.Caption))).Append("\">\n")
                        .Append("<figcaption><strong>Figure ").Append(figureNumber).Append(".</strong> ").Append(Encode(OneLine(f.Caption)))
                        .Append("</figcaption>\n</figure>\n");
                    break;
                default:
                    throw new NotSupportedException($"Unknown report block {block.GetType().Name}.");
            }
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private const string Css = """
        body { margin: 0; background: #fafafa; color: #222; font: 16px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
        h1 { font-size: 1.8em; margin: 0.4em 0 0.6em; border-bottom: 2px solid #ddd; padding-bottom: 0.2em; }
        h2 { font-size: 1.35em; margin: 1.6em 0 0.6em; border-bottom: 1px solid #eee; padding-bottom: 0.15em; }
        p { margin: 0.6em 0; }
        pre { background: #f4f4f4; border: 1px solid #e2e2e2; border-radius: 4px; padding: 10px 12px; overflow-x: auto; font: 13px/1.4 "DejaVu Sans Mono", Consolas, monospace; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
        p.caption { margin: 1.2em 0 0.4em; }
        p.caption + table { margin-top: 0; }
        th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) { background: #fafafa; }
        figure { margin: 1.4em 0; text-align: center; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: 0.92em; color: #444; margin-top: 0.4em; }

        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));

    private static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char ch in text)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|') sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Keeps a paragraph from starting a list, a heading underline or a block quote.</summary>
    private static string EscapeLineStart(string text)
    {
        if (text.Length == 0) return text;
        if (text[0] is '-' or '+' or '=' or '~') return "\\" + text;
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
        if (digits > 0 && digits < text.Length && text[digits] is '.' or ')') return text[..digits] + "\\" + text[digits..];
        return text;
    }

    private static string EscapeCell(string cell) => EscapeMarkdown(OneLine(cell));

    private static void CheckRelativeName(string name, string parameter)
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        if (name.Length == 0 || Path.IsPathRooted(name) || name.Split('/', '\\').Any(part => part is "" or "." or ".."))
            throw new ArgumentException($"'{name}' must be a plain relative name (no '..', no root).", parameter);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars().Where(c => c is not '/' and not '\\').ToArray()) >= 0)
            throw new ArgumentException($"'{name}' contains characters not allowed in file names.", parameter);
    }
}
