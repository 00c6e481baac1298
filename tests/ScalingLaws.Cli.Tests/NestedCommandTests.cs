using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace ScalingLaws.Cli.Tests;

public sealed class NestedCommandTests
{
    [Fact]
    public void MissingTargetScaleIsAClearError()
    {
        var result = CliRunner.Run("predict", "--nested", "--data", CliRunner.DataPath("mixinglaws", "RedPajama"), "--target", "loss_Github");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Option '--target-scale' is required with --nested", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownModelSizeIsAClearError()
    {
        var result = CliRunner.Run("optimize", "--nested", "--data", CliRunner.DataPath("mixinglaws", "RedPajama"), "--target", "loss_Github", "--target-scale", "size=7Q,step=100k");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown model size '7Q'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictWithoutFitOrNestedNamesTheOption()
    {
        var result = CliRunner.Run("predict", "--at", "N=1");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--fit", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Runs at four sizes of six mixtures (loss exact in N, step and h_a) plus one run at the target whose weights sum to 1.05.</summary>
    private static string SyntheticRuns()
    {
        static double Truth(double n, double s, double a) => 1.5 + 0.6 * (1 - a) + Math.Pow(3e7 / n, 0.3) + Math.Pow(2000 / s, 0.5) * (1 + a);
        var csv = new StringBuilder("N,step,h_a,h_b,loss\n");
        foreach (double n in new[] { 1e7, 3e7, 1e8, 3e8 })
            foreach (double a in new[] { 0.1, 0.25, 0.4, 0.55, 0.7, 0.85 })
                foreach (double s in new[] { 1000, 2000, 3000, 5000, 8000, 13000 })
                    csv.Append(CultureInfo.InvariantCulture, $"{n},{s},{a},{1 - a},{Truth(n, s, a)}\n");
        csv.Append(CultureInfo.InvariantCulture, $"1e9,1e5,0.4,0.65,{Truth(1e9, 1e5, 0.4 / 1.05)}\n");
        return CliRunner.WriteTemp("runs.csv", csv.ToString());
    }

    [Fact]
    public void PredictAndOptimizeGiveTheSameLossForAMixtureOffTheSimplex()
    {
        string data = SyntheticRuns();
        string[] raw = ["--nested", "--data", data, "--target-scale", "N=1e9,step=1e5"];
        var rejected = CliRunner.Run(["predict", .. raw, "--format", "csv"]);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("sum to 1.05, not 1", rejected.Error, StringComparison.Ordinal);
        string[] common = [.. raw, "--normalize-weights"];
        var predict = CliRunner.Run(["predict", .. common, "--format", "csv"]);
        Assert.Equal(0, predict.ExitCode);
        var observed = predict.Out.Split('\n').Single(l => l.StartsWith("observed,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(0.4 / 1.05, double.Parse(observed[2], CultureInfo.InvariantCulture), 9);
        double predicted = double.Parse(observed[5], CultureInfo.InvariantCulture);
        var optimize = CliRunner.Run(["optimize", .. common, "--baseline", "run:h_a=0.4,h_b=0.65"]);
        Assert.Equal(0, optimize.ExitCode);
        var baseline = Regex.Match(optimize.Out, @"^\s+run\s+(\S+)", RegexOptions.Multiline);
        Assert.True(baseline.Success, optimize.Out);
        // The baseline is printed with six decimals.
        Assert.InRange(Math.Abs(predicted - double.Parse(baseline.Groups[1].Value, CultureInfo.InvariantCulture)), 0, 5.1e-7);
    }

    [Fact]
    public void StageThreeChoosesByLeaveOneOutErrorUnlessALawIsGiven()
    {
        string data = SyntheticRuns();
        string[] common = ["predict", "--nested", "--data", data, "--target-scale", "N=1e9,step=1e5", "--normalize-weights"];
        var chosen = CliRunner.Run(common);
        Assert.Equal(0, chosen.ExitCode);
        var stage = chosen.Out.Split('\n').Single(l => l.Contains("stage 3", StringComparison.Ordinal));
        Assert.Matches(@"loss linear \S+ \(data-mixing \S+\)", stage);
        var forced = CliRunner.Run([.. common, "--law", "data-mixing"]);
        Assert.Equal(0, forced.ExitCode);
        var forcedStage = forced.Out.Split('\n').Single(l => l.Contains("stage 3", StringComparison.Ordinal));
        Assert.Contains("loss data-mixing ", forcedStage, StringComparison.Ordinal);
        Assert.DoesNotContain("linear", forcedStage, StringComparison.Ordinal);
    }

    [Fact]
    public void OptimizeStaysWithinTheFittedMixturesUnlessAskedToExtrapolate()
    {
        // The loss falls with h_a everywhere; the fitted mixtures span h_a in [0.1, 0.85].
        string data = SyntheticRuns();
        string[] common = ["optimize", "--nested", "--data", data, "--target-scale", "N=1e9,step=1e5", "--normalize-weights"];
        static double WeightOf(string output) => double.Parse(Regex.Match(output, @"^\s+h_a\s+(\S+)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
        var inside = CliRunner.Run(common);
        Assert.Equal(0, inside.ExitCode);
        Assert.Equal(0.85, WeightOf(inside.Out), 6);
        var beyond = CliRunner.Run([.. common, "--extrapolate"]);
        Assert.Equal(0, beyond.ExitCode);
        Assert.Equal(1, WeightOf(beyond.Out), 6);
    }
    /// <summary>Exact runs of six mixtures at four sizes, except: the 3e7 run of h_a = 0.25 logs two steps, h_a = 0.55 has no run at 1e8.</summary>
    private static string FlawedRuns()
    {
        static double Truth(double n, double s, double a) => 1.5 + 0.6 * (1 - a) + Math.Pow(3e7 / n, 0.3) + Math.Pow(2000 / s, 0.5) * (1 + a);
        var csv = new StringBuilder("N,step,h_a,h_b,loss\n");
        foreach (double n in new[] { 1e7, 3e7, 1e8, 3e8 })
            foreach (double a in new[] { 0.1, 0.25, 0.4, 0.55, 0.7, 0.85 })
                foreach (double s in new[] { 1000, 2000, 3000, 5000, 8000, 13000 })
                {
                    if (n == 3e7 && a == 0.25 && s > 2000) continue;
                    if (n == 1e8 && a == 0.55) continue;
                    csv.Append(CultureInfo.InvariantCulture, $"{n},{s},{a},{1 - a},{Truth(n, s, a)}\n");
                }
        return CliRunner.WriteTemp("flawed.csv", csv.ToString());
    }

    [Fact]
    public void BadRunsAreNamedWithTheirLineAndTargetsBelowTheFittedRangeAreErrors()
    {
        string data = FlawedRuns();
        var result = CliRunner.Run("predict", "--nested", "--data", data, "--target-scale", "N=1e9,step=1e5");
        Assert.Equal(0, result.ExitCode);
        // The short run: file, line (header is line 1; the 3e7 runs start after 36 rows at 1e7) and why.
        Assert.Matches(@"warning: .*flawed\.csv:\d+: run N = 3E\+07, mixture 0\.25-0\.75 has 2 logged step\(s\) \(1000, 2000\); the step law needs at least 4", result.Error);
        Assert.Contains("0.55-0.45 (no run at N = 1E+08)", result.Error, StringComparison.Ordinal);
        var small = CliRunner.Run("predict", "--nested", "--data", data, "--target-scale", "N=5e6,step=1e5");
        Assert.Equal(1, small.ExitCode);
        Assert.Contains("no run below the target N = 5E+06", small.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", small.Error, StringComparison.Ordinal);
        var early = CliRunner.Run("predict", "--nested", "--data", data, "--target-scale", "N=1e9,step=500");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("target step 500 lies below the fitted range of steps [1000, 13000]", early.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", early.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareTabulatesTheAdditiveAndJointRoutesNextToTheNestedOne()
    {
        string data = SyntheticRuns();
        var result = CliRunner.Run("predict", "--nested", "--data", data, "--target-scale", "N=1e9,step=1e5", "--normalize-weights", "--compare");
        Assert.Equal(0, result.ExitCode);
        var header = result.Out.Split('\n').Single(l => Regex.IsMatch(l, @"^\s+source\s+mixture\s+nested\s+mixture-additive\s+mixture-joint\s+observed\s*$"));
        int at = Array.IndexOf(result.Out.Split('\n'), header);
        var observed = result.Out.Split('\n').Skip(at + 1).Single(l => l.TrimStart().StartsWith("observed", StringComparison.Ordinal));
        // source, mixture, then nested, additive, joint and observed total losses.
        var numbers = observed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, numbers.Count);
        Assert.All(numbers, v => Assert.InRange(v, 1, 4));
    }
}
