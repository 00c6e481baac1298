using System.Globalization;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// <c>predict --data</c> reads its rows through the same data options as <c>fit</c>: the same weight-sum rule, the fit's
/// column mapping, weight columns and normalisation reused unless overridden.
/// </summary>
public class PredictDataTests
{
    /// <summary>Mixtures of three domains with loss = 2 + 0.5·exp(−h_a + 0.5·h_b − 0.3·h_c); the weights of row <paramref name="offRow"/> sum to 0.98.</summary>
    internal static string MixtureRuns(int? offRow = null)
    {
        var lines = new List<string> { "h_a,h_b,h_c,loss" };
        for (int i = 0; i < 10; i++)
        {
            double a = 0.1 + 0.08 * i, b = (1 - a) * (0.3 + 0.04 * i), c = 1 - a - b;
            double loss = 2 + 0.5 * Math.Exp(-a + 0.5 * b - 0.3 * c);
            if (i == offRow) c -= 0.02;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{a:R},{b:R},{c:R},{loss:R}"));
        }
        return CliRunner.WriteTemp("mixtures.csv", string.Join("\n", lines) + "\n");
    }

    private static string Fit(params string[] args)
    {
        string path = Path.Combine(CliRunner.TempDir(), "fit.json");
        var r = CliRunner.Run([.. args, "--format", "json", "-o", path, "--allow-unconverged"]);
        Assert.True(r.ExitCode == 0, r.Error);
        return path;
    }

    [Fact]
    public void WeightsThatDoNotSumToOneAreRejectedUnlessNormalised()
    {
        string fit = Fit("fit", "--data", MixtureRuns(), "--law", "data-mixing", "--starts", "8");
        string off = MixtureRuns(offRow: 3);

        var rejected = CliRunner.Run("predict", "--fit", fit, "--data", off);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains($"{off}:5:", rejected.Error);
        Assert.Contains("sum to 0.98", rejected.Error);

        var normalised = CliRunner.Run("predict", "--fit", fit, "--data", off, "--normalize-weights", "--format", "csv");
        Assert.True(normalised.ExitCode == 0, normalised.Error);
        Assert.Equal(11, normalised.Out.TrimEnd().Split('\n').Length);

        string fitNormalised = Fit("fit", "--data", off, "--law", "data-mixing", "--starts", "8", "--normalize-weights");
        var reused = CliRunner.Run("predict", "--fit", fitNormalised, "--data", off, "--format", "csv");
        Assert.True(reused.ExitCode == 0, reused.Error);
        Assert.Equal(normalised.Out.Split('\n').Length, reused.Out.Split('\n').Length);
    }

    [Fact]
    public void AFitMadeWithMapPredictsOnTheSameLayoutWithoutRepeatingIt()
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        string fit = Fit("fit", "--data", runs, "--formula", "E + A*N^-alpha", "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2", "--map", "N=params");

        var reused = CliRunner.Run("predict", "--fit", fit, "--data", runs, "--format", "csv");
        Assert.True(reused.ExitCode == 0, reused.Error);
        var explicitMap = CliRunner.Run("predict", "--fit", fit, "--data", runs, "--map", "N=params", "--format", "csv");
        Assert.Equal(explicitMap.Out, reused.Out);
        Assert.Equal(13, reused.Out.TrimEnd().Split('\n').Length);

        var missing = CliRunner.Run("predict", "--fit", fit, "--data", runs, "--map", "N=size");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("size", missing.Error);
    }

    [Fact]
    public void PredictFiltersAndDerivesLikeFit()
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        string fit = Fit("fit", "--data", runs, "--formula", "E + A*N^-alpha", "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2", "--derive", "N=params");
        var r = CliRunner.Run("predict", "--fit", fit, "--data", runs, "--derive", "N=params", "--where", "N > 1e8", "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(1 + 6, r.Out.TrimEnd().Split('\n').Length);
    }
}
