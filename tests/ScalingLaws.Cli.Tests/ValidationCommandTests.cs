using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>simulate → fit recovers the truth; validate and compare on the bundled data; bad input.</summary>
public class ValidationCommandTests
{
    private static string Epoch => CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");

    [Fact]
    public void SimulateThenFitRecoversTheParameters()
    {
        var path = Path.Combine(CliRunner.TempDir(), "runs.csv");
        var s = CliRunner.Run("simulate", "--law", "chinchilla", "--params", "a=6.2,b=7.7,e=0.6,alpha=0.35,beta=0.37", "--noise", "0.002", "--seed", "3", "--out", path);
        Assert.True(s.ExitCode == 0, s.Error);
        Assert.StartsWith("N,D,loss,loss_true", File.ReadAllText(path));
        var f = CliRunner.Run("fit", "--data", path, "--law", "chinchilla", "--format", "json");
        Assert.True(f.ExitCode == 0, f.Error);
        var p = f.Json.GetProperty("parameters").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetDouble());
        Assert.InRange(p["alpha"], 0.33, 0.37);
        Assert.InRange(p["beta"], 0.35, 0.39);
        Assert.InRange(Math.Exp(p["e"]), Math.Exp(0.6) * 0.98, Math.Exp(0.6) * 1.02);
    }

    [Fact]
    public void SimulateRejectsUnknownParameters()
    {
        var r = CliRunner.Run("simulate", "--law", "chinchilla", "--params", "zeta=1", "--out", Path.Combine(CliRunner.TempDir(), "x.csv"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("zeta", r.Error);
    }

    [Fact]
    public void ValidateInEveryFormat()
    {
        var args = new[] { "validate", "--data", Epoch, "--law", "chinchilla", "--hold-out-where", "N > 5e9" };
        var table = CliRunner.Run(args);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("held-out", table.Out);
        var json = CliRunner.Run([.. args, "--format", "json"]).Json;
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.True(json.GetProperty("heldOutRows").GetProperty("n").GetInt32() > 0);
        var csv = CliRunner.Run([.. args, "--format", "csv"]);
        Assert.StartsWith("set,n,mae", csv.Out);
        Assert.Equal(1, CliRunner.Run("validate", "--data", Epoch, "--law", "chinchilla").ExitCode);
    }

    [Fact]
    public void CompareRanksLaws()
    {
        var r = CliRunner.Run("compare", "--data", Epoch, "--drop-highest", "5", "--laws", "chinchilla,kaplan", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        var laws = r.Json.GetProperty("laws");
        Assert.Equal(2, laws.GetArrayLength());
        Assert.Equal("chinchilla", laws[0].GetProperty("law").GetString());
        Assert.Equal(1, CliRunner.Run("compare", "--data", Epoch, "--laws", "chinchilla,nosuch").ExitCode);
    }
}
