using System.Text.RegularExpressions;
using System.Xml.Linq;
using ScalingLaws.Plotting.Compute;
using ScalingLaws.Plotting.Fits;
using ScalingLaws.Plotting.Reports;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Reports;

public class ReportTests
{
    private static Report ChinchillaReport()
    {
        var fit = TestData.ChinchillaFit;
        var builder = new ReportBuilder("Chinchilla fit on Epoch AI's points")
            .Paragraph($"Fitted {fit.Statistics.Count} runs below 1.5e21 FLOP; runs at higher compute are held out.")
            .Section("Fit")
            .KeyValues([("law", fit.Law.Name), ("termination", fit.Termination.ToString()), ("runs", fit.Statistics.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))])
            .KeyValues([("RMSE (log)", fit.Statistics.RootMeanSquareError), ("R²", fit.Statistics.RSquared)], caption: "Goodness of fit")
            .Table(["parameter", "value", "standard error"],
                [.. fit.Parameters.Select(p => (IReadOnlyList<string>)[p.Name, PlotNumber.Table(p.Value), p.StandardError is { } se ? PlotNumber.Table(se) : "n/a"])],
                caption: "Parameters (a = log A, b = log B, e = log E)")
            .Preformatted(fit.Report())
            .Section("Figures")
            .Figure("fit curves", FitCurvesFigure.Create(fit, TestData.Chinchilla, "D", "N"), "Loss vs tokens by model size; shaded: extrapolation.")
            .Figure("parity", ParityFigure.Create(fit, TestData.ChinchillaTrain, TestData.ChinchillaHeldOut), "Predicted vs observed loss.", 600, 600)
            .Figure("isoflop", IsoFlopFigure.Create(fit, TestData.IsoFlopBudgets, TestData.Chinchilla), "IsoFLOP curves.");
        return builder.Build();
    }

    [Fact]
    public void WritesMarkdownHtmlAndFiguresWithTheExpectedSections()
    {
        var report = ChinchillaReport();
        var folder = TestData.Rendered("report");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var files = report.WriteTo(folder);

        Assert.Equal(Path.Combine(folder, "report.md"), files.Markdown);
        Assert.Equal(Path.Combine(folder, "report.html"), files.Html);
        Assert.Equal(["fit-curves.png", "parity.png", "isoflop.png"], files.Figures.Select(Path.GetFileName));
        foreach (var (path, width, height) in files.Figures.Zip(new[] { (900, 600), (600, 600), (900, 600) }, (p, s) => (p, s.Item1, s.Item2)))
            RenderedImage.AssertPng(File.ReadAllBytes(path), width, height);

        var md = File.ReadAllText(files.Markdown);
        Assert.StartsWith("# Chinchilla fit on Epoch AI's points\n", md, StringComparison.Ordinal);
        Assert.Contains("\n## Fit\n", md, StringComparison.Ordinal);
        Assert.Contains("\n## Figures\n", md, StringComparison.Ordinal);
        Assert.Contains("| Quantity | Value |", md, StringComparison.Ordinal);
        Assert.Contains("| law | chinchilla |", md, StringComparison.Ordinal);
        Assert.Contains("**Table 1.** Goodness of fit", md, StringComparison.Ordinal);
        Assert.Contains("| parameter | value | standard error |\n| --- | ---: | ---: |", md, StringComparison.Ordinal);
        Assert.Contains("![Loss vs tokens by model size; shaded: extrapolation.](figures/fit-curves.png)", md, StringComparison.Ordinal);
        Assert.Contains("*Figure 3. IsoFLOP curves.*", md, StringComparison.Ordinal);
        Assert.Contains("```text\n", md, StringComparison.Ordinal);
        foreach (Match link in Regex.Matches(md, @"!\[[^\]]*\]\(([^)]+)\)"))
            Assert.True(File.Exists(Path.Combine(folder, link.Groups[1].Value)), $"Broken image link {link.Groups[1].Value}");

        var html = File.ReadAllText(files.Html);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Chinchilla fit on Epoch AI&#39;s points</title>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Fit</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Figures</h2>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(html, "<img src=\"data:image/png;base64,").Count);
        Assert.DoesNotContain("figures/", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">", html, StringComparison.Ordinal);
        // Embedded images decode to the figures written next to the report.
        var first = Regex.Match(html, "data:image/png;base64,([^\"]+)").Groups[1].Value;
        Assert.Equal(File.ReadAllBytes(files.Figures[0]), Convert.FromBase64String(first));
        // The HTML is well-formed enough to parse as XML once the doctype is removed.
        XDocument.Parse(html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal).Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>", StringComparison.Ordinal)
            .Replace("initial-scale=1\">", "initial-scale=1\"/>", StringComparison.Ordinal).Replace("content=\"ScalingLaws.Plotting\">", "content=\"ScalingLaws.Plotting\"/>", StringComparison.Ordinal)
            .Replace("\">\n<figcaption>", "\"/>\n<figcaption>", StringComparison.Ordinal));

        var leftovers = Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories);
        Assert.Empty(leftovers);
    }

    [Fact]
    public void RewritingReplacesFilesAtomically()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scalinglaws-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = new ReportBuilder("First").Paragraph("one").Build().WriteTo(folder, "summary");
            var second = new ReportBuilder("Second").Paragraph("two").Build().WriteTo(folder, "summary");
            Assert.Equal(first.Markdown, second.Markdown);
            Assert.StartsWith("# Second", File.ReadAllText(second.Markdown), StringComparison.Ordinal);
            Assert.Equal(["summary.html", "summary.md"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EscapesMarkdownAndHtml()
    {
        var report = new ReportBuilder("A <b> & *c*")
            .Paragraph("- not a list; x_1 | y")
            .Paragraph("1. not a list either")
            .Table(["a|b", "c"], [["<script>", "2.5"]])
            .Build();
        var md = report.ToMarkdown();
        Assert.Contains("# A \\<b\\> & \\*c\\*", md, StringComparison.Ordinal);
        Assert.Contains("\\- not a list; x\\_1 \\| y", md, StringComparison.Ordinal);
        Assert.Contains("1\\. not a list either", md, StringComparison.Ordinal);
        Assert.Contains("| a\\|b | c |", md, StringComparison.Ordinal);
        var html = report.ToHtml();
        Assert.Contains("<h1>A &lt;b&gt; &amp; *c*</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FigureNamesAreMadeSafeAndUnique()
    {
        var plot = FigureStyle.Create(null, "t", "x", "y");
        plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 1, 0 });
        var report = new ReportBuilder("r").Figure("Loss / N", plot, "a", 200, 150).Figure("loss-n", plot, "b", 200, 150).Figure("", plot, "c", 200, 150).Build();
        Assert.Equal(["loss-n.png", "loss-n-2.png", "figure.png"], report.Figures.Select(f => f.FileName));
    }

    [Fact]
    public void RejectsUnsafeNamesAndRaggedTables()
    {
        var report = new ReportBuilder("r").Build();
        Assert.Throws<ArgumentException>(() => report.WriteTo(Path.GetTempPath(), "../escape"));
        Assert.Throws<ArgumentException>(() => report.WriteTo(Path.GetTempPath(), "ok", "/abs"));
        Assert.Throws<ArgumentException>(() => new ReportBuilder("r").Table(["a", "b"], [["1"]]));
    }
}
