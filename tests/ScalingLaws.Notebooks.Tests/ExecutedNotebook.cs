using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ScalingLaws.Notebooks.Tests;

/// <summary>A notebook as Jupyter wrote it after executing it: its cells' ids and outputs.</summary>
public sealed partial class ExecutedNotebook
{
    /// <summary>One output of one cell: its type and its data by MIME type (streams as <c>text/plain</c>).</summary>
    public sealed record Output(string CellId, string OutputType, IReadOnlyDictionary<string, string> Data, string? StreamName);

    private ExecutedNotebook(string path, IReadOnlyList<string> cellIds, IReadOnlyList<Output> outputs)
    {
        Path = path;
        CellIds = cellIds;
        Outputs = outputs;
    }

    /// <summary>The executed notebook file.</summary>
    public string Path { get; }

    /// <summary>The id of every cell (code and markdown), in order; null where a cell has none.</summary>
    public IReadOnlyList<string> CellIds { get; }

    /// <summary>Every output of every code cell, in order.</summary>
    public IReadOnlyList<Output> Outputs { get; }

    /// <summary>Reads an .ipynb file.</summary>
    public static ExecutedNotebook Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var ids = new List<string>();
        var outputs = new List<Output>();
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            string id = cell.TryGetProperty("id", out var idElement) ? idElement.GetString() ?? "" : "";
            ids.Add(id);
            if (!cell.TryGetProperty("outputs", out var cellOutputs)) continue;
            foreach (var output in cellOutputs.EnumerateArray())
            {
                string type = output.GetProperty("output_type").GetString()!;
                var data = new Dictionary<string, string>();
                string? stream = null;
                if (output.TryGetProperty("data", out var mime))
                    foreach (var entry in mime.EnumerateObject()) data[entry.Name] = Join(entry.Value);
                if (type == "stream")
                {
                    stream = output.GetProperty("name").GetString();
                    data["text/plain"] = Join(output.GetProperty("text"));
                }
                if (type == "error")
                    data["text/plain"] = output.GetProperty("ename").GetString() + ": " + output.GetProperty("evalue").GetString();
                outputs.Add(new Output(id, type, data, stream));
            }
        }
        return new ExecutedNotebook(path, ids, outputs);
    }

    /// <summary>Error outputs and text written to stderr, as "cell: text".</summary>
    public IEnumerable<string> Errors => Outputs
        .Where(o => o.OutputType == "error" || o.StreamName == "stderr")
        .Select(o => $"{o.CellId}: {o.Data.GetValueOrDefault("text/plain")}");

    /// <summary>The <c>text/html</c> outputs of one cell, concatenated.</summary>
    public string Html(string cellId) => string.Concat(OutputsOf(cellId).Select(o => o.Data.GetValueOrDefault("text/html", "")));

    /// <summary>The <c>text/plain</c> outputs (results and streams) of one cell, concatenated.</summary>
    public string Text(string cellId) => string.Concat(OutputsOf(cellId).Select(o => o.Data.GetValueOrDefault("text/plain", "")));

    /// <summary>
    /// A number from an HTML table in one cell's output: the row whose first cell is <paramref name="rowLabel"/>, the
    /// cell under the header <paramref name="column"/> of the table captioned <paramref name="caption"/>.
    /// </summary>
    public double TableNumber(string cellId, string caption, string rowLabel, string column) =>
        TableNumber(cellId, caption, column, cells => cells[0] == rowLabel, $"no row '{rowLabel}'");

    /// <summary>A number from the first body row of the table captioned <paramref name="caption"/>, under <paramref name="column"/>.</summary>
    public double FirstRowNumber(string cellId, string caption, string column) =>
        TableNumber(cellId, caption, column, _ => true, "no rows");

    private double TableNumber(string cellId, string caption, string column, Func<List<string>, bool> isRow, string missing)
    {
        var tables = TableRegex().Matches(Html(cellId)).Where(t => Decode(t.Groups["caption"].Value) == caption).ToList();
        if (tables.Count == 0) throw new KeyNotFoundException($"Cell '{cellId}' of {Path} has no HTML table captioned '{caption}'.");
        foreach (var table in tables)
        {
            var header = CellRegex().Matches(table.Groups["head"].Value).Select(c => Decode(c.Groups[1].Value)).ToList();
            int index = header.IndexOf(column);
            if (index < 0) throw new KeyNotFoundException($"Table '{caption}' in cell '{cellId}' has no column '{column}' (it has {string.Join(", ", header)}).");
            foreach (Match row in RowRegex().Matches(table.Groups["body"].Value))
            {
                var cells = CellRegex().Matches(row.Groups[1].Value).Select(c => Decode(c.Groups[1].Value)).ToList();
                if (cells.Count > index && isRow(cells)) return double.Parse(cells[index], CultureInfo.InvariantCulture);
            }
        }
        throw new KeyNotFoundException($"Table '{caption}' in cell '{cellId}' has {missing}.");
    }

    /// <summary>The number captured by the first group of <paramref name="pattern"/> in one cell's text output.</summary>
    public double TextNumber(string cellId, string pattern)
    {
        var match = Regex.Match(Text(cellId), pattern);
        if (!match.Success) throw new KeyNotFoundException($"Cell '{cellId}' of {Path}: no match for /{pattern}/ in:\n{Text(cellId)}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private IEnumerable<Output> OutputsOf(string cellId)
    {
        if (!CellIds.Contains(cellId)) throw new KeyNotFoundException($"{Path} has no cell '{cellId}'.");
        return Outputs.Where(o => o.CellId == cellId);
    }

    private static string Join(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(v => v.GetString())) : value.GetString() ?? "";

    private static string Decode(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")).Trim();

    [GeneratedRegex("<table>(?:<caption>(?<caption>.*?)</caption>)?<thead>(?<head>.*?)</thead><tbody>(?<body>.*?)</tbody></table>", RegexOptions.Singleline)]
    private static partial Regex TableRegex();

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex CellRegex();
}
