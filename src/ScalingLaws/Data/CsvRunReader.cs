using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;

namespace ScalingLaws.Data;

/// <summary>
/// Reads a CSV file of runs into a <see cref="RunTable"/>: comma-separated, or tab-separated for <c>.tsv</c>/<c>.tab</c>
/// names and for headers with tabs but no comma, or semicolon-separated for headers with semicolons only (see <see cref="Separator"/>).
/// The first row is the header; every row must have as many fields as the header; quoting follows
/// RFC 4180 and malformed quoting is an error. Cells are trimmed.
/// <para>
/// Column kinds: a column is numeric when every non-missing cell is a number as <see cref="NumberText"/>
/// reads it (invariant culture, no thousands separators, unit suffixes k/K, M, B/G, T). When more than
/// half of its non-missing cells are numbers, the others are reported as errors
/// (<c>runs.csv:14:3: 'abc' is not a number (column 'tokens').</c>). Otherwise the column is text.
/// Missing cells (empty, NA, NaN, …) are NaN in numeric columns and empty in text columns.
/// </para>
/// </summary>
public static partial class CsvRunReader
{
    /// <summary>Reads the file at <paramref name="path"/> (two passes over the file: column kinds, then values).</summary>
    /// <param name="path">File path; it names the rows' source.</param>
    /// <param name="options">Options; default <see cref="CsvRunReaderOptions.Default"/>.</param>
    /// <exception cref="DataException">The file is missing, empty, malformed, or a cell is wrong.</exception>
    public static RunTable Read(string path, CsvRunReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        DataFiles.RequireFile(path);
        return Read(() => DataFiles.OpenText(path), path, options);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>.</summary>
    /// <param name="reader">The text; it is not closed.</param>
    /// <param name="name">Source name for messages and row locations (its extension picks the separator).</param>
    /// <param name="options">Options; default <see cref="CsvRunReaderOptions.Default"/>.</param>
    /// <exception cref="DataException">The text is empty, malformed, or a cell is wrong.</exception>
    public static RunTable Read(TextReader reader, string name, CsvRunReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        string text = reader.ReadToEnd();
        return Read(() => new StringReader(text), name, options);
    }

    /// <summary>
    /// Two passes over the text <paramref name="open"/> returns: the first decides each column's kind (and finds the
    /// first bad cell), the second stores numbers in one <c>double[]</c> per numeric column and the rows' line numbers
    /// in one <c>int[]</c>, so a table costs 8 bytes per number and no object per row.
    /// </summary>
    private static RunTable Read(Func<TextReader> open, string name, CsvRunReaderOptions? options)
    {
        options ??= CsvRunReaderOptions.Default;
        char separator;
        using (var first = open()) separator = options.Separator ?? Separator(name, FirstLine(first));
        string[] header = [];
        var columns = Array.Empty<ColumnTyping.Survey>();
        int rows = 0;
        Scan(open, name, separator, (h, line) =>
        {
            header = h;
            columns = h.Select((c, j) => new ColumnTyping.Survey(c, j, options.TextColumns.Contains(c))).ToArray();
        }, (cells, line) =>
        {
            foreach (var column in columns) column.Add(cells[column.Index], rows, line);
            rows++;
        });
        var builders = columns.Select(c => c.Builder(rows, name)).ToArray();
        var lines = new int[rows];
        int row = 0;
        Scan(open, name, separator, (_, _) => { }, (cells, line) =>
        {
            if (row >= rows) return;
            foreach (var builder in builders) builder.Set(row, cells[builder.Index]);
            lines[row++] = line;
        });
        return new RunTable(name, builders.Select(b => b.Build()), RowOrigins.Lines(name, lines));
    }

    /// <summary>A tab for names ending in .tsv or .tab, a comma otherwise.</summary>
    internal static char SeparatorFor(string name) =>
        name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tab", StringComparison.OrdinalIgnoreCase)
            ? '\t' : ',';

    /// <summary>
    /// The separator of a file from its name and header line: a tab for <c>.tsv</c>/<c>.tab</c> names; else, when the
    /// header has no comma, a tab or a semicolon if it has one (tab- and semicolon-separated files saved as .csv); else a comma.
    /// </summary>
    public static char Separator(string name, string headerLine)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(headerLine);
        if (SeparatorFor(name) == '\t') return '\t';
        if (headerLine.Contains(',')) return ',';
        if (headerLine.Contains('\t')) return '\t';
        return headerLine.Contains(';') ? ';' : ',';
    }

    /// <summary>The first non-blank line of <paramref name="reader"/>, or empty.</summary>
    internal static string FirstLine(TextReader reader)
    {
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            if (!string.IsNullOrWhiteSpace(line)) return line;
        return "";
    }

    private static void Scan(Func<TextReader> open, string name, char separator, Action<string[], int> onHeader, Action<string[], int> onRow)
    {
        var csvOptions = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = separator,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            MissingField = CsvMissingFieldHandling.Throw,
            TrackLineNumbers = true,
        };
        try
        {
            using var reader = open();
            using var csv = CsvReader.Create(reader, csvOptions, true);
            csv.ReadHeader();
            var header = csv.Headers.Select(h => h.Trim()).ToArray();
            if (header.Length == 0) throw new DataException("is empty (no header row).", name);
            int headerLine = (int)Math.Max(1, csv.LineNumber);
            CheckHeader(header, name, headerLine);
            onHeader(header, headerLine);
            var cells = new string[header.Length];
            int count = 0;
            while (csv.Read())
            {
                for (int j = 0; j < cells.Length; j++) cells[j] = (csv.GetString(j) ?? "").Trim();
                onRow(cells, (int)csv.LineNumber);
                count++;
            }
            if (count == 0) throw new DataException("no data rows (the file has only a header).", name, headerLine);
        }
        catch (CsvFormatException e)
        {
            int? line = e.LineNumber > 0 ? (int)e.LineNumber : null;
            throw new DataException(Describe(e.Message), name, line, innerException: e);
        }
    }

    private static void CheckHeader(string[] header, string name, int line)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < header.Length; j++)
        {
            if (header[j].Length == 0)
                throw new DataException($"column {j + 1} has no name in the header row; give every column a name.", name, line, j + 1);
            if (!seen.TryAdd(header[j], j))
                throw new DataException($"duplicate column name '{header[j]}' (also column {seen[header[j]] + 1}).", name, line, j + 1);
        }
    }

    private static string Describe(string message)
    {
        var count = FieldCount().Match(message);
        if (count.Success)
            return $"the row has {count.Groups[1].Value} fields but the header has {count.Groups[2].Value}.";
        var text = RecordPrefix().Replace(message, "");
        text = ByteOffset().Replace(text, "");
        return "malformed CSV: " + text.TrimEnd('.') + ".";
    }

    [GeneratedRegex(@"has (\d+) fields but (\d+) were expected")]
    private static partial Regex FieldCount();

    [GeneratedRegex(@"^(Malformed CSV in )?[Rr]ecord \d+ \(line \d+\):?\s*")]
    private static partial Regex RecordPrefix();

    [GeneratedRegex(@"\s*\(byte offset \d+\)")]
    private static partial Regex ByteOffset();
}
