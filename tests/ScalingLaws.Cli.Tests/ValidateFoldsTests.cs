using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary><c>validate --folds K</c>: the library's k-fold cross-validation through the command line.</summary>
public class ValidateFoldsTests
{
    private static readonly string[] Chinchilla = ["validate", "--data", EpochTable.Path, "--law", "chinchilla", "--drop-highest", "5"];

    // A 3 × 3 start grid instead of the law's 4,500 starts keeps the format tests fast; the library comparison uses the full recipe.
    private static readonly string[] SmallGrid = ["--grid", "alpha=0:1:0.5,beta=0:1:0.5"];

    [Fact]
    public void FoldsEqualTheLibrarysKFoldForTheSameSeed()
    {
        var r = CliRunner.Run([.. Chinchilla, "--folds", "4", "--seed", "5", "--format", "json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        var cv = CrossValidation.KFold(LawCatalog.Create("chinchilla"), EpochTable.Load(5), "loss", folds: 4, seed: 5,
            new ValidationOptions { Fit = new FitOptions { Seed = 5 } });

        var json = r.Json;
        Assert.Equal("cross-validation", json.GetProperty("kind").GetString());
        Assert.Equal(4, json.GetProperty("folds").GetInt32());
        var folds = json.GetProperty("foldResults").EnumerateArray().ToList();
        Assert.Equal(cv.Folds.Length, folds.Count);
        for (int i = 0; i < folds.Count; i++)
        {
            var expected = cv.Folds[i];
            Assert.Equal(expected.TestRows, folds[i].GetProperty("heldOutRowIndices").EnumerateArray().Select(e => e.GetInt32()));
            var held = folds[i].GetProperty("heldOutRows");
            Assert.Equal(expected.TestMetrics.Count, held.GetProperty("n").GetInt32());
            Assert.Equal(expected.TestMetrics.MeanAbsoluteError, held.GetProperty("mae").GetDouble());
            Assert.Equal(expected.TestMetrics.MeanRelativeError, held.GetProperty("mre").GetDouble());
            Assert.Equal(expected.TestMetrics.RootMeanSquareError, held.GetProperty("rmse").GetDouble());
            Assert.Equal(expected.TestMetrics.RSquared, held.GetProperty("rSquared").GetDouble());
            Assert.Equal(expected.TestMetrics.SpearmanRho, held.GetProperty("spearman").GetDouble());
            Assert.Equal(expected.FitMetrics.MeanAbsoluteError, folds[i].GetProperty("fitRows").GetProperty("mae").GetDouble());
            Assert.Equal(expected.Fit.Objective, folds[i].GetProperty("fit").GetProperty("objective").GetDouble());
        }
        var pooled = json.GetProperty("pooled");
        Assert.Equal(cv.Pooled.Count, pooled.GetProperty("n").GetInt32());
        Assert.Equal(cv.Pooled.RootMeanSquareError, pooled.GetProperty("rmse").GetDouble());
        Assert.Equal(cv.Pooled.SpearmanRho, pooled.GetProperty("spearman").GetDouble());
        var mean = json.GetProperty("mean");
        Assert.Equal(cv.FoldMean(ErrorMetric.MeanAbsoluteError), mean.GetProperty("mae").GetDouble(), 1e-15);
        Assert.Equal(cv.FoldMean(ErrorMetric.RootMeanSquareError), mean.GetProperty("rmse").GetDouble(), 1e-15);
        Assert.Equal(cv.Folds.Average(f => f.TestMetrics.RSquared), mean.GetProperty("rSquared").GetDouble(), 1e-15);
    }

    [Fact]
    public void EveryFormatAndTheSameSeedTwice()
    {
        string[] args = [.. Chinchilla, .. SmallGrid, "--folds", "3", "--seed", "2"];
        var csv = CliRunner.Run([.. args, "--format", "csv"]);
        Assert.True(csv.ExitCode == 0, csv.Error);
        var lines = csv.Out.TrimEnd('\n').Split('\n');
        Assert.Equal("fold,set,n,mae,mre,rmse,rmse_log,r_squared,spearman", lines[0]);
        Assert.Equal(1 + 2 * 3 + 2, lines.Length);
        Assert.StartsWith("mean,held-out,240,", lines[^2]);
        Assert.StartsWith("pooled,held-out,240,", lines[^1]);
        Assert.Equal(csv.Out, CliRunner.Run([.. args, "--format", "csv", "--threads", "1"]).Out);
        Assert.NotEqual(csv.Out, CliRunner.Run([.. Chinchilla, .. SmallGrid, "--folds", "3", "--seed", "3", "--format", "csv"]).Out);

        var table = CliRunner.Run(args);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("3-fold cross-validation of chinchilla on loss (seed 2)", table.Out);
        Assert.Contains("pooled", table.Out);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("241")]
    public void FoldCountsOutsideTwoToRowsAreRejected(string folds)
    {
        var r = CliRunner.Run([.. Chinchilla, "--folds", folds]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Option '--folds'", r.Error);
        Assert.Contains("between 2 and 240", r.Error);
    }

    [Theory]
    [InlineData("--hold-out-largest", "N")]
    [InlineData("--hold-out-where", "N > 1e9")]
    [InlineData("--hold-out-random", "20")]
    public void FoldsCannotBeCombinedWithAHoldOut(string option, string value)
    {
        var r = CliRunner.Run([.. Chinchilla, "--folds", "3", option, value]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"Option '--folds' cannot be combined with '{option}'", r.Error);
        Assert.Equal("", r.Out);
    }
}
