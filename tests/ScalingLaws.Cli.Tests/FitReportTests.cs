using ScalingLaws.Data;
using ScalingLaws.Plotting.Reports;
using ScalingLaws.Serialization;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>The fit report lives in the library: a notebook call gives the same Markdown as <c>scaling-laws report</c>.</summary>
public class FitReportTests
{
    [Fact]
    public void TheLibraryReportIsTheCommandsReport()
    {
        string runs = FitDocumentTests.PowerLawRuns();
        string fit = Path.Combine(CliRunner.TempDir(), "fit.json");
        Assert.Equal(0, CliRunner.Run("fit", "--data", runs, "--formula", "E + A*N^-alpha", "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2", "--format", "json", "-o", fit).ExitCode);
        string dir = Path.Combine(CliRunner.TempDir(), "report");
        var r = CliRunner.Run("report", "--fit", fit, "--data", runs, "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);

        var fits = FitJson.Read(File.ReadAllText(fit), fit).Select(s => s.Fit).ToList();
        var report = FitReports.Create(fits, RunTableLoader.Load(runs), "ScalingLaws report");
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "report.md")), report.ToMarkdown());
        Assert.Contains("Fitted parameters", report.ToMarkdown());
    }
}
