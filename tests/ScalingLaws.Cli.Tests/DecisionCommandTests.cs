using System.Text.Json;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>optimize, plot, report and demo on the bundled data, in every format; bad input.</summary>
public class DecisionCommandTests
{
    private static string Epoch => CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");

    private static string ChinchillaFit()
    {
        var path = Path.Combine(CliRunner.TempDir(), "fit.json");
        var r = CliRunner.Run("fit", "--data", Epoch, "--law", "chinchilla", "--drop-highest", "5", "--format", "json", "-o", path);
        Assert.True(r.ExitCode == 0, r.Error);
        return path;
    }

    private static string MixingFits()
    {
        var path = Path.Combine(CliRunner.TempDir(), "mixing.json");
        var r = CliRunner.Run("fit", "--data", CliRunner.DataPath("mixinglaws", "5Mix", "70M.txt"), "--law", "data-mixing",
            "--target", "loss_Pu*", "--where", "step == 30000 && reference_run == 0", "--starts", "300", "--format", "json", "-o", path);
        Assert.True(r.ExitCode == 0, r.Error);
        return path;
    }

    [Fact]
    public void ComputeOptimalAllocationInEveryFormat()
    {
        var fit = ChinchillaFit();
        var table = CliRunner.Run("optimize", "--fit", fit, "--budget", "C=1e21");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("D/N", table.Out);
        var json = CliRunner.Run("optimize", "--fit", fit, "--budget", "C=1e21", "--format", "json").Json;
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        var csv = CliRunner.Run("optimize", "--fit", fit, "--frontier", "1e19:1e25:7", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("compute,model_size,tokens", lines[0]);
        Assert.Equal(8, lines.Length);
    }

    [Fact]
    public void MixturePlanWithBoundsBaselinesAndFormats()
    {
        var fits = MixingFits();
        var r = CliRunner.Run("optimize", "--fit", fits, "--objective", "sum", "--upper", "h_academic=0.3", "--lower", "h_prose=0.05", "--baseline", "uniform",
            "--baseline", "mine:h_academic=0.2,h_prose=0.2,h_dialogue=0.2,h_symbolic=0.2,h_internet=0.2", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        var json = r.Json;
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        var weights = json.GetProperty("domains").EnumerateArray().Select(e => e.GetProperty("weight").GetDouble()).ToArray();
        Assert.Equal(1.0, weights.Sum(), 9);
        Assert.True(weights[0] <= 0.3 + 1e-9 && weights[1] >= 0.05 - 1e-9);
        var csv = CliRunner.Run("optimize", "--fit", fits, "--objective", "worst", "--format", "csv");
        Assert.StartsWith("mixture,h_academic", csv.Out);
        var text = CliRunner.Run("optimize", "--fit", fits, "--objective", "target:loss_PubMed_Central", "--max-loss", "loss_PubMed_Abstracts=10");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Weights", text.Out);
    }

    [Fact]
    public void DataAvailabilityAndLossToleranceConstraints()
    {
        var fits = MixingFits();
        var available = CliRunner.Run("optimize", "--fit", fits, "--budget", "D=1e10", "--available", "h_academic=1e9", "--max-epochs", "2", "--format", "json");
        Assert.True(available.ExitCode == 0, available.Error);
        var academic = available.Json.GetProperty("domains").EnumerateArray().First(d => d.GetProperty("name").GetString() == "h_academic").GetProperty("weight").GetDouble();
        Assert.True(academic <= 0.2 + 1e-8, $"h_academic {academic} exceeds 2 epochs of 1e9 tokens in 1e10");
        var tolerance = CliRunner.Run("optimize", "--fit", fits, "--objective", "target:loss_PubMed_Central", "--tolerance", "loss_PubMed_Abstracts=3.3:+1%", "--format", "json");
        Assert.True(tolerance.ExitCode == 0, tolerance.Error);
        var abstracts = tolerance.Json.GetProperty("losses").EnumerateArray().First(l => l.GetProperty("name").GetString() == "loss_PubMed_Abstracts").GetProperty("value").GetDouble();
        Assert.True(abstracts <= 3.3 * 1.01 + 1e-6, $"loss_PubMed_Abstracts {abstracts} above 1.01 × 3.3");
        Assert.Equal(1, CliRunner.Run("optimize", "--fit", fits, "--tolerance", "loss_PubMed_Abstracts=3.3").ExitCode);
    }

    [Fact]
    public void InfeasibleConstraintsAreAClearError()
    {
        var fits = MixingFits();
        var r = CliRunner.Run("optimize", "--fit", fits, "--lower", "h_academic=0.7,h_prose=0.6");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("constraint", r.Error, StringComparison.OrdinalIgnoreCase);
        var bad = CliRunner.Run("optimize", "--fit", fits, "--objective", "target:nope");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("nope", bad.Error);
    }

    [Theory]
    [InlineData("fit", ".png")]
    [InlineData("parity", ".svg")]
    [InlineData("residuals", ".png")]
    [InlineData("isoflop", ".svg")]
    [InlineData("frontier", ".png")]
    public void PlotsRenderFromASavedFit(string kind, string extension)
    {
        var fit = ChinchillaFit();
        var path = Path.Combine(CliRunner.TempDir(), kind + extension);
        var r = CliRunner.Run("plot", "--fit", fit, "--data", Epoch, "--drop-highest", "5", "--kind", kind, "--budgets", "1e19,1e20,1e21", "--out", path);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(new FileInfo(path).Length > 1000);
    }

    [Fact]
    public void PlotOfAPlanAndBadPlotInput()
    {
        var planPath = Path.Combine(CliRunner.TempDir(), "plan.json");
        Assert.Equal(0, CliRunner.Run("optimize", "--fit", MixingFits(), "--baseline", "uniform", "--format", "json", "-o", planPath).ExitCode);
        var png = Path.Combine(CliRunner.TempDir(), "weights.png");
        var r = CliRunner.Run("plot", "--plan", planPath, "--kind", "weights", "--out", png);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(File.Exists(png));
        Assert.Equal(1, CliRunner.Run("plot", "--plan", planPath, "--kind", "weights", "--out", "x.gif").ExitCode);
        Assert.Equal(1, CliRunner.Run("plot", "--plan", planPath, "--kind", "nosuchkind", "--out", png).ExitCode);
        var blocker = CliRunner.WriteTemp("blocker", "a file where a folder should be");
        var unwritable = CliRunner.Run("plot", "--plan", planPath, "--kind", "weights", "--out", Path.Combine(blocker, "w.png"));
        Assert.Equal(1, unwritable.ExitCode);
        Assert.Contains("blocker", unwritable.Error);
    }

    [Fact]
    public void ReportWritesMarkdownHtmlAndFigures()
    {
        var dir = Path.Combine(CliRunner.TempDir(), "report");
        var r = CliRunner.Run("report", "--fit", ChinchillaFit(), "--data", Epoch, "--drop-highest", "5", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        var md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("Fitted parameters", md);
        Assert.Contains("figures/", md);
        Assert.Contains("<html", File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.True(Directory.GetFiles(Path.Combine(dir, "figures"), "*.png").Length >= 3);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void DemoWritesTheReportAndResults()
    {
        var dir = Path.Combine(CliRunner.TempDir(), "out");
        var r = CliRunner.Run("demo", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("Compute-optimal allocation", r.Out);
        Assert.Contains("Optimal mixture", r.Out);
        foreach (var file in new[] { "report.md", "report.html", "chinchilla-fit.json", "mixing-fits.json", "mixture-plan.json" })
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "mixture-plan.json")));
        Assert.Equal(1, plan.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.True(Directory.GetFiles(Path.Combine(dir, "figures"), "*.png").Length >= 5);
    }
}
