using Xunit;

namespace ScalingLaws.Cli.Tests;

public class LawsCommandTests
{
    [Fact]
    public void ListsEveryLawInEachFormat()
    {
        var table = CliRunner.Run("laws");
        Assert.Equal(0, table.ExitCode);
        foreach (var name in new[] { "chinchilla", "kaplan", "power", "data-constrained", "dcpt", "cmr-ratio", "data-mixing", "mixture-additive", "mixture-joint", "bimix", "multilingual" })
            Assert.Contains(name, table.Out);
        var json = CliRunner.Run("laws", "--format", "json");
        Assert.Equal(1, json.Json.GetProperty("schemaVersion").GetInt32());
        Assert.True(json.Json.GetProperty("laws").GetArrayLength() >= 14);
        var csv = CliRunner.Run("laws", "--format", "csv");
        Assert.StartsWith("name,summary,formula", csv.Out);
    }

    [Fact]
    public void OneLaw()
    {
        var r = CliRunner.Run("laws", "chinchilla");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("exp(e)", r.Out);
        Assert.Equal(1, CliRunner.Run("laws", "nosuchlaw").ExitCode);
    }
}
