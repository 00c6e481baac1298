using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>Every command that reads runs takes the data options through one resolution, so they mean the same everywhere.</summary>
public class DataOptionsAcrossCommandsTests
{
    private const string Formula = "E + A*N^-alpha";

    private static string[] Command(string name, string runs, string fit) => name switch
    {
        "fit" => ["fit", "--data", runs, "--formula", Formula, "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2"],
        "validate" => ["validate", "--data", runs, "--formula", Formula, "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2", "--hold-out-largest", "params"],
        "compare" => ["compare", "--data", runs, "--laws", "chinchilla", "--target", "loss_a"],
        _ => ["predict", "--fit", fit, "--data", runs],
    };

    private static string SavedFit(string runs)
    {
        string path = Path.Combine(CliRunner.TempDir(), "fit.json");
        var r = CliRunner.Run("fit", "--data", runs, "--formula", Formula, "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2", "--map", "N=params", "--format", "json", "-o", path);
        Assert.True(r.ExitCode == 0, r.Error);
        return path;
    }

    [Theory]
    [InlineData("fit")]
    [InlineData("validate")]
    [InlineData("predict")]
    public void MapWhereAndDeriveAreAcceptedWithTheSameMeaning(string command)
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        string fit = SavedFit(runs);
        var mapped = CliRunner.Run([.. Command(command, runs, fit), "--map", "N=params", "--where", "params > 1e7", "--format", "json"]);
        Assert.True(mapped.ExitCode == 0, mapped.Error);
        var derived = CliRunner.Run([.. Command(command, runs, fit), "--derive", "N=params", "--where", "N > 1e7", "--format", "json"]);
        Assert.True(derived.ExitCode == 0, derived.Error);
    }

    [Theory]
    [InlineData("fit")]
    [InlineData("validate")]
    [InlineData("compare")]
    [InlineData("predict")]
    public void ABadFilterGivesTheSameErrorOnEveryCommand(string command)
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        var r = CliRunner.Run([.. Command(command, runs, SavedFit(runs)), "--where", "size > 1"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Option '--where': 'size' is not a column.", r.Error);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("compare")]
    public void ACommandFittingOneTargetRejectsAPatternMatchingSeveral(string command)
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        var args = Command(command, runs, "").Select(a => a == "loss_a" ? "loss_*" : a).ToArray();
        var r = CliRunner.Run(args);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("matches 2 columns (loss_a, loss_b)", r.Error);
    }

    [Fact]
    public void CompareTakesTheFitSettings()
    {
        var r = CliRunner.Run("compare", "--data", CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv"), "--laws", "chinchilla", "--space", "cubic");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Option '--space'", r.Error);
    }
}
