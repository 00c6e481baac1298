using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ScottPlot;

namespace ScalingLaws.Plotting.Reports;

/// <summary>
/// Builds a <see cref="Report"/> block by block: sections, paragraphs, key-value tables, tables, preformatted text
/// and figures. Figures are rendered to PNG when added, so the plot may be changed or disposed afterwards.
/// Not thread-safe.
/// </summary>
/// <example>
/// <code>
/// var report = new ReportBuilder("Chinchilla fit")
///     .Paragraph("Fitted on 240 runs.")
///     .KeyValues([("law", "chinchilla"), ("RMSE", PlotNumber.Table(fit.Statistics.RootMeanSquareError))])
///     .Figure("fit-curves", FitCurvesFigure.Create(fit, table, "D", "N"), "Loss vs tokens by model size")
///     .Build();
/// report.WriteTo("out");   // out/report.md, out/report.html, out/figures/fit-curves.png
/// </code>
/// </example>
public sealed class ReportBuilder
{
    private readonly List<ReportBlock> _blocks = [];
    private readonly HashSet<string> _fileNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts a report.</summary>
    /// <param name="title">The report's title (Markdown <c>#</c>, HTML <c>&lt;h1&gt;</c> and <c>&lt;title&gt;</c>).</param>
    public ReportBuilder(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    /// <summary>The report's title.</summary>
    public string Title { get; }

    /// <summary>Number of blocks added so far.</summary>
    public int Count => _blocks.Count;

    /// <summary>Adds a section heading.</summary>
    /// <param name="heading">The heading text.</param>
    public ReportBuilder Section(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        _blocks.Add(new HeadingBlock(heading));
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    /// <param name="text">The text.</param>
    public ReportBuilder Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add(new ParagraphBlock(text));
        return this;
    }

    /// <summary>Adds preformatted text (kept exactly, in a fixed-width font).</summary>
    /// <param name="text">The text.</param>
    public ReportBuilder Preformatted(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add(new PreformattedBlock(text));
        return this;
    }

    /// <summary>Adds a two-column table of names and values.</summary>
    /// <param name="pairs">The rows.</param>
    /// <param name="caption">Text above the table; <c>null</c> for none.</param>
    /// <param name="keyHeader">Heading of the first column. Default <c>Quantity</c>.</param>
    /// <param name="valueHeader">Heading of the second column. Default <c>Value</c>.</param>
    public ReportBuilder KeyValues(IEnumerable<(string Key, string Value)> pairs, string? caption = null,
        string keyHeader = "Quantity", string valueHeader = "Value")
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var rows = pairs.Select(p => (IReadOnlyList<string>)[p.Key, p.Value]).ToList();
        return Table([keyHeader, valueHeader], rows, caption, [false, rows.Count > 0 && rows.All(r => LooksNumeric(r[1]))]);
    }

    /// <summary>Adds a two-column table of names and numbers (written with <see cref="PlotNumber.Table"/>).</summary>
    /// <param name="pairs">The rows.</param>
    /// <param name="caption">Text above the table; <c>null</c> for none.</param>
    public ReportBuilder KeyValues(IEnumerable<(string Key, double Value)> pairs, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return KeyValues(pairs.Select(p => (p.Key, PlotNumber.Table(p.Value))), caption);
    }

    /// <summary>Adds a table.</summary>
    /// <param name="header">Column headings.</param>
    /// <param name="rows">Rows, each with one cell per heading.</param>
    /// <param name="caption">Text above the table; <c>null</c> for none.</param>
    /// <param name="numericColumns">Per column, whether to right-align it; <c>null</c> (default) right-aligns columns whose cells all look like numbers.</param>
    /// <exception cref="ArgumentException">A row has the wrong number of cells.</exception>
    public ReportBuilder Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null,
        IReadOnlyList<bool>? numericColumns = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var body = new List<ImmutableArray<string>>();
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row {body.Count + 1} of the table has {row.Count} cells; the header has {header.Count}."), nameof(rows));
            body.Add([.. row.Select(c => c ?? "")]);
        }
        if (numericColumns is not null && numericColumns.Count != header.Count)
            throw new ArgumentException($"numericColumns has {numericColumns.Count} entries for {header.Count} columns.", nameof(numericColumns));
        var numeric = numericColumns?.ToImmutableArray()
            ?? [.. Enumerable.Range(0, header.Count).Select(j => body.Count > 0 && body.All(r => LooksNumeric(r[j])))];
        _blocks.Add(new TableBlock([.. header], [.. body], caption ?? "", numeric));
        return this;
    }

    /// <summary>Renders <paramref name="plot"/> to PNG and adds it as a figure.</summary>
    /// <param name="name">Base of the file name (letters, digits and dashes are kept, e.g. <c>fit-curves</c>); made unique within the report.</param>
    /// <param name="plot">The figure.</param>
    /// <param name="caption">Caption and alternative text.</param>
    /// <param name="width">Width in pixels; default 900.</param>
    /// <param name="height">Height in pixels; default 600.</param>
    public ReportBuilder Figure(string name, Plot plot, string caption, int width = PlotFiles.DefaultWidth, int height = PlotFiles.DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(caption);
        var png = PlotFiles.PngBytes(plot, width, height);
        _blocks.Add(new FigureBlock(UniqueFileName(name), caption, [.. png], width, height));
        return this;
    }

    /// <summary>Adds a block built elsewhere.</summary>
    /// <param name="block">The block.</param>
    public ReportBuilder Add(ReportBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block is FigureBlock figure && !_fileNames.Add(figure.FileName))
            throw new ArgumentException($"The report already has a figure file named '{figure.FileName}'.", nameof(block));
        _blocks.Add(block);
        return this;
    }

    /// <summary>The report as built so far.</summary>
    public Report Build() => new(Title, [.. _blocks]);

    private string UniqueFileName(string name)
    {
        var slug = new StringBuilder();
        foreach (char ch in name.ToLowerInvariant())
        {
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9')) slug.Append(ch);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var stem = slug.ToString().Trim('-');
        if (stem.Length == 0) stem = "figure";
        var candidate = stem + ".png";
        for (int k = 2; !_fileNames.Add(candidate); k++)
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{k}.png");
        return candidate;
    }

    private static bool LooksNumeric(string cell) =>
        cell.Length > 0 && double.TryParse(cell.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
