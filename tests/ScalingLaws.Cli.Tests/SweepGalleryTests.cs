using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// The gallery of a sweep with fits, figures and reports, loaded in headless Chromium (Debian's <c>chromium</c>,
/// which <c>.ci/run</c> installs): every image on the page loads. A copy of the page next to it gets a probe
/// script that, after the load event, writes each image's natural width into the DOM, which Chromium dumps.
/// </summary>
public class SweepGalleryTests
{
    [Fact]
    public void EveryImageOfTheGalleryLoadsInChromium()
    {
        string data = CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");
        string plan = CliRunner.WriteTemp("plan.json", JsonSerializer.Serialize(new
        {
            axes = new { law = new[] { "chinchilla", "kaplan" } },
            jobs = new object[]
            {
                new { name = "fit", command = "fit", options = new { data, law = "{law}", starts = "4", format = "json" }, outputs = new { output = "fit.json" } },
                new { name = "curves", command = "plot", options = new { fit = "{fit.output}", data, kind = "fit" }, outputs = new { @out = "curves.png" } },
                new { name = "parity", command = "plot", options = new { fit = "{fit.output}", data, kind = "parity" }, outputs = new { @out = "parity.svg" } },
                new { name = "report", command = "report", options = new { fit = "{fit.output}", data }, outputs = new { @out = "report" } },
            },
        }));
        string folder = CliRunner.TempDir();
        var result = CliRunner.Run("sweep", plan, "--out", folder, "--jobs", "2", "--gallery");
        Assert.True(result.ExitCode == 0, result.Error);
        string page = File.ReadAllText(Path.Combine(folder, "gallery.html"));
        int images = Regex.Matches(page, "<img ").Count;
        Assert.True(images >= 6, $"expected the plotted and reported figures on the page, found {images} images");
        foreach (var link in Regex.Matches(page, "href=\"([^\"]+)\"").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)))
            Assert.True(File.Exists(Path.Combine(folder, link)), $"gallery link '{link}' points at no file");

        string probe = Path.Combine(folder, "gallery-probe.html");
        File.WriteAllText(probe, page.Replace("</body>", """
            <script>
            window.addEventListener('load', () => {
              const out = document.createElement('pre');
              out.id = 'probe';
              out.textContent = [...document.images].map(i => (i.complete && i.naturalWidth > 0 ? 'ok ' : 'broken ') + i.getAttribute('src')).join('\n');
              document.body.appendChild(out);
            });
            </script>
            </body>
            """));
        string dom = Chromium(probe);
        var lines = Regex.Match(dom, "<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(images, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("ok ", l));
    }

    private static string Chromium(string page)
    {
        string profile = CliRunner.TempDir();
        var start = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom",
                     new Uri(page).AbsoluteUri })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var error = process.StandardError.ReadToEndAsync();
        string dom = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "chromium did not finish in 2 minutes");
        Assert.True(dom.Contains("id=\"probe\""), $"chromium printed no probe (exit {process.ExitCode}): {error.Result}");
        return dom;
    }
}
