using System.Net;
using System.Text;
using ScalingLaws.Cli.Infrastructure;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// <c>gallery.html</c> in the sweep folder: one section per job (in sweep order) with its status, its command,
/// links to its outputs and reports, and every figure (.png, .svg) in its outputs shown inline. Links are relative,
/// so the folder can be moved or served as it is.
/// </summary>
internal static class SweepGallery
{
    /// <summary>The file name of the gallery.</summary>
    public const string FileName = "gallery.html";

    /// <summary>Writes the gallery of <paramref name="rows"/> into <paramref name="folder"/>; returns its path.</summary>
    public static string Write(string folder, IEnumerable<SweepRow> rows)
    {
        var sb = new StringBuilder();
        var sorted = rows.OrderBy(r => r.Order).ToList();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>scaling-laws sweep</title>\n<style>\n")
          .Append("body{font-family:sans-serif;margin:2em;max-width:1200px}section{border-top:1px solid #ccc;padding:.5em 0}")
          .Append(".failed h2{color:#b00}code{font-size:.85em;word-break:break-all}img{max-width:560px;margin:.25em;border:1px solid #eee}\n</style>\n</head>\n<body>\n")
          .Append($"<h1>Sweep: {sorted.Count} jobs, {sorted.Count(r => r.Status != "ok")} failed</h1>\n");
        foreach (var row in sorted)
        {
            sb.Append($"<section class=\"{row.Status}\">\n<h2>{Html(row.Id)} — {Html(row.Status)}</h2>\n<p><code>scaling-laws {Html(row.Command)}</code></p>\n");
            if (row.Message.Length > 0) sb.Append($"<pre>{Html(row.Message)}</pre>\n");
            if (row.Objective is double objective) sb.Append($"<p>objective {Html(Csv.Number(objective))}; {Html(row.Parameters)}</p>\n");
            var files = new List<string>();
            foreach (var output in row.Outputs)
            {
                string full = Path.Combine(folder, output);
                if (Directory.Exists(full))
                    files.AddRange(Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
                else if (File.Exists(full)) files.Add(output);
            }
            var links = files.Where(f => !IsImage(f)).ToList();
            if (links.Count > 0)
                sb.Append("<ul>\n").AppendJoin("", links.Select(f => $"<li><a href=\"{Url(f)}\">{Html(f)}</a></li>\n")).Append("</ul>\n");
            foreach (var image in files.Where(IsImage)) sb.Append($"<a href=\"{Url(image)}\"><img src=\"{Url(image)}\" alt=\"{Html(image)}\"></a>\n");
            sb.Append("</section>\n");
        }
        sb.Append("</body>\n</html>\n");
        string path = Path.Combine(folder, FileName);
        AtomicFile.WriteAllText(path, sb.ToString());
        return path;
    }

    private static bool IsImage(string path) =>
        path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static string Url(string relative) => string.Join("/", relative.Split('/').Select(Uri.EscapeDataString));
}
