using System.Globalization;
using System.Text.Json;
using Xunit;

namespace ScalingLaws.Cli.Tests;

public class DesignCommandTests
{
    [Fact]
    public void SwarmTimesGridWritesOneRowPerRunAndTheTotalCompute()
    {
        var r = CliRunner.Run("design", "--swarm", "5", "--domains", "h_a,h_b,h_c", "--sizes", "20M,60M", "--compute", "1e18", "--seed", "4", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(10, runs.Count);
        double sum = runs.Sum(run => 6 * run.GetProperty("N").GetDouble() * run.GetProperty("D").GetDouble());
        Assert.Equal(sum, json.RootElement.GetProperty("totalCompute").GetDouble(), 1e-9 * sum);
        Assert.All(runs, run => Assert.Equal(1, run.GetProperty("weights").EnumerateObject().Sum(w => w.Value.GetDouble()), 9));
        var csv = CliRunner.Run("design", "--swarm", "5", "--domains", "h_a,h_b,h_c", "--sizes", "20M,60M", "--compute", "1e18", "--seed", "4", "--format", "csv");
        Assert.Equal("run,N,D,h_a,h_b,h_c,compute", csv.Out.Split('\n')[0].Trim());
        Assert.Equal(11, csv.Out.Trim().Split('\n').Length);
        Assert.Contains("Total training compute Σ 6·N·D = 1E+19 FLOP", CliRunner.Run("design", "--swarm", "5", "--domains", "h_a,h_b,h_c", "--sizes", "20M,60M", "--compute", "1e18").Out);
    }

    [Theory]
    [InlineData("linearised")]
    [InlineData("ensemble")]
    public void NextRunsComeFromTheCandidateSetWithCostAndBenefit(string criterion)
    {
        string dir = CliRunner.TempDir();
        string runs = Path.Combine(dir, "runs.csv"), fit = Path.Combine(dir, "fit.json");
        Assert.Equal(0, CliRunner.Run("simulate", "--law", "chinchilla", "--params", "a=6.0073,b=6.0178,e=0.5247,alpha=0.34,beta=0.28", "--seed", "3", "--out", runs).ExitCode);
        Assert.Equal(0, CliRunner.Run("fit", "--data", runs, "--law", "chinchilla", "--format", "json", "-o", fit).ExitCode);
        var r = CliRunner.Run("design", "--next", "3", "--fit", fit, "--data", runs, "--target", "C=1e23", "--sizes", "10M,100M,1B", "--ratios", "5,20,80",
            "--bootstrap", "40", "--criterion", criterion, "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Trim().Split('\n').Select(l => l.Trim().Split(',')).ToArray();
        Assert.Equal(["rank", "run", "N", "D", "compute", "expected_variance", "benefit"], lines[0]);
        Assert.Equal(4, lines.Length);
        foreach (var line in lines.Skip(1))
        {
            double n = double.Parse(line[2], CultureInfo.InvariantCulture), d = double.Parse(line[3], CultureInfo.InvariantCulture);
            Assert.Contains(n, new[] { 1e7, 1e8, 1e9 });
            Assert.Equal(6 * n * d, double.Parse(line[4], CultureInfo.InvariantCulture), 1e-6 * 6 * n * d);
            Assert.True(double.Parse(line[6], CultureInfo.InvariantCulture) >= 0);
        }
        Assert.True(double.Parse(lines[1][6], CultureInfo.InvariantCulture) > 0, "the first proposal must reduce the decision's variance");
    }

    [Theory]
    [InlineData("temperature", "--swarm", "4", "--domains", "a,b,c", "--temperature", "0")]
    [InlineData("sum to 1.1", "--swarm", "4", "--domains", "a,b,c", "--lower", "a=0.6,b=0.5")]
    [InlineData("below 1", "--swarm", "4", "--domains", "a,b,c", "--available", "a=1B,b=1B,c=1B", "--target-tokens", "10B")]
    [InlineData("'--lower': 'x' is not a domain", "--swarm", "4", "--domains", "a,b,c", "--lower", "x=0.1")]
    [InlineData("Nothing to plan", "--seed", "3")]
    [InlineData("needs '--fit FILE'", "--next", "2", "--sizes", "1M", "--ratios", "20")]
    [InlineData("'--criterion': 'bayes' is not one of linearised, ensemble", "--next", "2", "--criterion", "bayes", "--sizes", "1M", "--ratios", "20")]
    [InlineData("every one of 3 shares", "--lattice", "10", "--min-weight", "0.4", "--domains", "a,b,c")]
    [InlineData("exactly one kind of budget", "--sizes", "1M", "--ratios", "20", "--tokens", "1B")]
    [InlineData("has 11 free parameters; start with at least 11 runs", "--simulate", "1", "--law", "mixture-additive", "--lattice", "4",
        "--domains", "h_a,h_b,h_c", "--sizes", "20M,100M", "--ratios", "20", "--target", "N=1B,D=20B", "--initial", "8")]
    public void BadInputsExitOneWithAClearMessage(string expected, params string[] args)
    {
        var r = CliRunner.Run(["design", .. args]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(expected, r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void PriorFileErrorsNameTheLine()
    {
        var path = CliRunner.WriteTemp("prior.csv", "domain,weight\nweb,0.5\ncode,-1\n");
        var r = CliRunner.Run("design", "--swarm", "3", "--prior", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("prior.csv:3", r.Error);
    }
}
