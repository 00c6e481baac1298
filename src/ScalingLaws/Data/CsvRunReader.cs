using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;

namespace ScalingLaws.Data;

/// <summary>
/// Reads a CSV (or, for <c>.tsv</c>/<c>.tab</c> names, tab-separated) file of runs into a <see cref="RunTable"/>.
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
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">File path; it names the rows' source.</param>
    /// <param name="options">Options; default <see cref="CsvRunReaderOptions.Default"/>.</param>
    /// <exception cref="DataException">The file is missing, empty, malformed, or a cell is wrong.</exception>
    public static RunTable Read(string path, CsvRunReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = DataFiles.OpenText(path);
        return Read(reader, path, options);
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
        options ??= CsvRunReaderOptions.Default;
        var (header, headerLine, rows) = ReadCells(reader, name, options.Separator ?? SeparatorFor(name));
        var columns = new List<RunColumn>(header.Length);
        for (int j = 0; j < header.Length; j++)
            columns.Add(ColumnTyping.Build(header[j], j, rows, name, options.TextColumns.Contains(header[j])));
        return new RunTable(name, columns, rows.Select(r => new SourceLocation(name, r.Line)));
    }

    /// <summary>A tab for names ending in .tsv or .tab, a comma otherwise.</summary>
    internal static char SeparatorFor(string name) =>
        name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tab", StringComparison.OrdinalIgnoreCase)
            ? '\t' : ',';

    private static (string[] Header, int HeaderLine, List<CellRow> Rows) ReadCells(TextReader reader, string name, char separator)
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
        var rows = new List<CellRow>();
        try
        {
            using var csv = CsvReader.Create(reader, csvOptions, true);
            csv.ReadHeader();
            var header = csv.Headers.Select(h => h.Trim()).ToArray();
            if (header.Length == 0) throw new DataException("is empty (no header row).", name);
            int headerLine = (int)Math.Max(1, csv.LineNumber);
            CheckHeader(header, name, headerLine);
            while (csv.Read())
            {
                var cells = new string[csv.FieldCount];
                for (int j = 0; j < cells.Length; j++) cells[j] = (csv.GetString(j) ?? "").Trim();
                rows.Add(new CellRow((int)csv.LineNumber, cells));
            }
            if (rows.Count == 0) throw new DataException("no data rows (the file has only a header).", name, headerLine);
            return (header, headerLine, rows);
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
