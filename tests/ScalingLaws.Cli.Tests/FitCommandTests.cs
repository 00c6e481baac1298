using Xunit;

namespace ScalingLaws.Cli.Tests;

public class FitCommandTests
{
    private static string Epoch => CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");

    [Fact]
    public void HoffmannApproach3FormulaReproducesEpochReplication()
    {
        var r = CliRunner.Run("fit", "--data", Epoch, "--drop-highest", "5",
            "--formula", "exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))",
            "--loss", "huber:0.001", "--space", "log",
            "--grid", "alpha=0:2:0.5,beta=0:2:0.5,e=-1:1:0.5,a=0:25:5,b=0:25:5", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        var json = r.Json;
        Assert.Equal(240, json.GetProperty("statistics").GetProperty("n").GetInt32());
        // Epoch prints the objective to ten decimals (0.0010182740); compare at that precision.
        Assert.True(Math.Round(json.GetProperty("objective").GetDouble(), 10) <= 0.0010182740, json.GetProperty("objective").ToString());
        Assert.Equal(4500, json.GetProperty("starts").GetProperty("tried").GetInt32());
        var p = json.GetProperty("parameters").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetDouble());
        AssertClose(477.84, Math.Exp(p["a"]), 0.005);
        AssertClose(2143.86, Math.Exp(p["b"]), 0.005);
        AssertClose(1.81724, Math.Exp(p["e"]), 0.005);
        AssertClose(0.347313, p["alpha"], 0.005);
        AssertClose(0.367183, p["beta"], 0.005);
    }

    [Fact]
    public void TableFormatIsAHumanReport()
    {
        var r = CliRunner.Run("fit", "--data", Epoch, "--law", "chinchilla", "--drop-highest", "5");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("[[Parameters]]", r.Out);
        Assert.Contains("alpha", r.Out);
    }

    [Fact]
    public void CsvFormatHasHeaderAndOneRowPerParameter()
    {
        var r = CliRunner.Run("fit", "--data", Epoch, "--law", "chinchilla", "--drop-highest", "5", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("target,law,parameter,value", lines[0]);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void OutputFileIsWrittenAndReadBackByPredict()
    {
        var dir = CliRunner.TempDir();
        var fit = Path.Combine(dir, "fit.json");
        var r = CliRunner.Run("fit", "--data", Epoch, "--law", "chinchilla", "--drop-highest", "5", "--format", "json", "--output", fit);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        var p = CliRunner.Run("predict", "--fit", fit, "--at", "N=70B,D=1.4T", "--format", "json");
        Assert.Equal(0, p.ExitCode);
        double loss = p.Json.GetProperty("predictions")[0].GetProperty("prediction").GetDouble();
        Assert.InRange(loss, 1.9, 2.05);
        var c = CliRunner.Run("predict", "--fit", fit, "--data", Epoch, "--format", "csv");
        Assert.Equal(0, c.ExitCode);
        Assert.Equal(246, c.Out.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void NotConvergedExitsTwoUnlessAllowed()
    {
        var args = new[] { "fit", "--data", Epoch, "--formula", "exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))",
            "--start", "a=5,b=5,e=0.5,alpha=0.3,beta=0.3", "--max-iterations", "2" };
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("did not converge", r.Error);
        Assert.Equal(0, CliRunner.Run([.. args, "--allow-unconverged"]).ExitCode);
    }

    [Fact]
    public void SeveralTargetsGiveOneFitEach()
    {
        var data = CliRunner.DataPath("mixinglaws", "5Mix", "70M.txt");
        var r = CliRunner.Run("fit", "--data", data, "--law", "data-mixing", "--target", "loss_Pu*", "--where", "step == 30000",
            "--starts", "200", "--format", "json", "--allow-unconverged");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal("fits", r.Json.GetProperty("kind").GetString());
        Assert.True(r.Json.GetProperty("fits").GetArrayLength() >= 2);
    }

    private static void AssertClose(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected} ± {relative:P1}, got {actual}");
}
