using System.Globalization;
using System.Text.Json;
using ScalingLaws.Serialization;
using ScalingLaws.Uncertainty;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary><c>fit --bootstrap R</c>: intervals equal the library's, are reproducible, contain the estimate, and stay readable.</summary>
public class FitBootstrapTests
{
    private static readonly string[] Chinchilla = ["fit", "--data", EpochTable.Path, "--law", "chinchilla", "--drop-highest", "5"];

    [Fact]
    public void IntervalsEqualTheLibrarysForTheSameSeed()
    {
        var r = CliRunner.Run([.. Chinchilla, "--bootstrap", "20", "--confidence", "0.9", "--seed", "7", "--format", "json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        var (fit, data) = EpochTable.FitChinchilla(dropHighest: 5, seed: 7);
        var boot = Bootstrap.Refit(fit, data, new BootstrapOptions { Replicates = 20, Seed = 7, Level = 0.9 });

        var summary = r.Json.GetProperty("bootstrap");
        Assert.Equal(boot.Replicates, summary.GetProperty("replicates").GetInt32());
        Assert.Equal(boot.UsableCount, summary.GetProperty("usable").GetInt32());
        Assert.Equal(0.9, summary.GetProperty("confidence").GetDouble());
        Assert.Equal(7, summary.GetProperty("seed").GetInt32());
        var parameters = r.Json.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(boot.ParameterNames, parameters.Select(p => p.GetProperty("name").GetString()!));
        for (int j = 0; j < parameters.Count; j++)
        {
            var b = parameters[j].GetProperty("bootstrap");
            // Round-trip numbers: bit-for-bit equal.
            Assert.Equal(fit.Parameters[j].Value, parameters[j].GetProperty("value").GetDouble());
            Assert.Equal(boot.Intervals[j].Lower, b.GetProperty("lower").GetDouble());
            Assert.Equal(boot.Intervals[j].Upper, b.GetProperty("upper").GetDouble());
            Assert.Equal(boot.Intervals[j].Median, b.GetProperty("median").GetDouble());
            Assert.Equal(boot.StandardErrors[j], b.GetProperty("standardError").GetDouble());
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameOutputOnAnyThreadCount()
    {
        string[] args = [.. Chinchilla, "--bootstrap", "20", "--seed", "3", "--format", "csv"];
        var first = CliRunner.Run(args);
        var again = CliRunner.Run([.. args, "--threads", "1"]);
        var otherSeed = CliRunner.Run([.. Chinchilla, "--bootstrap", "20", "--seed", "4", "--format", "csv"]);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("bootstrap_lower,bootstrap_upper,bootstrap_standard_error", first.Out);
        Assert.Equal(first.Out, again.Out);
        Assert.NotEqual(first.Out, otherSeed.Out);
    }

    [Fact]
    public void IntervalsContainTheEstimateAndTheTableShowsThem()
    {
        var json = CliRunner.Run([.. Chinchilla, "--bootstrap", "20", "--format", "json"]);
        var table = CliRunner.Run([.. Chinchilla, "--bootstrap", "20"]);
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.True(json.Json.GetProperty("bootstrap").GetProperty("usable").GetInt32() >= 2);
        Assert.Contains("[[Bootstrap]] 20 case-resampling refits", table.Out);
        Assert.Contains("95% interval", table.Out);
        foreach (var p in json.Json.GetProperty("parameters").EnumerateArray())
        {
            double value = p.GetProperty("value").GetDouble();
            var b = p.GetProperty("bootstrap");
            double lower = b.GetProperty("lower").GetDouble(), upper = b.GetProperty("upper").GetDouble();
            Assert.True(lower <= value && value <= upper, $"{p.GetProperty("name")}: {value} outside [{lower}, {upper}]");
            Assert.True(b.GetProperty("standardError").GetDouble() > 0);
            // The table prints the same interval at its precision (G7), beside the standard error.
            string printed = $"[{G(lower)}, {G(upper)}]";
            var line = table.Out.Split('\n').Single(l => l.TrimStart().StartsWith(p.GetProperty("name").GetString()! + " ", StringComparison.Ordinal) && l.Contains(printed));
            Assert.Contains(G(p.GetProperty("standardError").GetDouble()), line);
        }
    }

    [Fact]
    public void FilesWithAndWithoutBootstrapFieldsAreReadTheSame()
    {
        var dir = CliRunner.TempDir();
        string plain = Path.Combine(dir, "plain.json"), withBootstrap = Path.Combine(dir, "bootstrap.json");
        Assert.Equal(0, CliRunner.Run([.. Chinchilla, "--format", "json", "-o", plain]).ExitCode);
        Assert.Equal(0, CliRunner.Run([.. Chinchilla, "--bootstrap", "5", "--format", "json", "-o", withBootstrap]).ExitCode);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        Assert.DoesNotContain("\"bootstrap\"", File.ReadAllText(plain));

        var a = FitJson.Read(File.ReadAllText(plain), plain).Single();
        var b = FitJson.Read(File.ReadAllText(withBootstrap), withBootstrap).Single();
        Assert.Equal(a.Fit.Values.ToArray(), b.Fit.Values.ToArray());
        Assert.Equal(a.Fit.Parameters.Select(p => p.StandardError).ToArray(), b.Fit.Parameters.Select(p => p.StandardError).ToArray());
        Assert.Equal(a.FittedLaw.Parameters.ToArray(), b.FittedLaw.Parameters.ToArray());
        var predictPlain = CliRunner.Run("predict", "--fit", plain, "--at", "N=70B,D=1.4T", "--format", "csv");
        var predictBootstrap = CliRunner.Run("predict", "--fit", withBootstrap, "--at", "N=70B,D=1.4T", "--format", "csv");
        Assert.True(predictBootstrap.ExitCode == 0, predictBootstrap.Error);
        Assert.Equal(predictPlain.Out, predictBootstrap.Out);
    }

    [Fact]
    public async Task ProgressIsReportedOnATerminalOnly()
    {
        var output = new StringWriter();
        var terminal = new StringWriter();
        int code = await CliApp.RunAsync([.. Chinchilla, "--bootstrap", "20", "--format", "csv"], output, terminal, errorIsTerminal: true);
        Assert.Equal(0, code);
        Assert.Contains("bootstrap: 20 replicates done", terminal.ToString());
        Assert.Equal("", CliRunner.Run([.. Chinchilla, "--bootstrap", "20", "--format", "csv"]).Error);
    }

    [Theory]
    [InlineData("--bootstrap", "1", "'--bootstrap'")]
    [InlineData("--bootstrap", "0", "'--bootstrap'")]
    [InlineData("--bootstrap", "-3", "'--bootstrap'")]
    [InlineData("--confidence", "0.9", "'--confidence' needs '--bootstrap")]
    public void BadReplicateCountsAreRejected(string option, string value, string message)
    {
        var r = CliRunner.Run([.. Chinchilla, option, value]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("1.5")]
    [InlineData("-0.2")]
    [InlineData("NaN")]
    public void ConfidenceOutsideTheOpenUnitIntervalIsRejected(string level)
    {
        var r = CliRunner.Run([.. Chinchilla, "--bootstrap", "5", "--confidence", level]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Option '--confidence'", r.Error);
    }

    private static string G(double value) => value.ToString("G7", CultureInfo.InvariantCulture);
}
