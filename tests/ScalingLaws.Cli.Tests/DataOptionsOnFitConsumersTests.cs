using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// The commands that read runs next to saved fits or for nested prediction — plot, report, optimize, design, predict --nested,
/// optimize --nested — take the data options through the same resolution as fit: the same filter error, the fit's saved
/// mapping reused, the same weight-sum rule.
/// </summary>
public class DataOptionsOnFitConsumersTests
{
    private const string Formula = "E + A*N^-alpha";

    private static string PowerLawFit(string runs)
    {
        string path = Path.Combine(CliRunner.TempDir(), "fit.json");
        var r = CliRunner.Run("fit", "--data", runs, "--formula", Formula, "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2", "--map", "N=params", "--format", "json", "-o", path);
        Assert.True(r.ExitCode == 0, r.Error);
        return path;
    }

    private static string MixtureFit(string runs)
    {
        string path = Path.Combine(CliRunner.TempDir(), "mixture.json");
        var r = CliRunner.Run("fit", "--data", runs, "--law", "data-mixing", "--starts", "8", "--allow-unconverged", "--format", "json", "-o", path);
        Assert.True(r.ExitCode == 0, r.Error);
        return path;
    }

    private static string[] Command(string name, string runs, string fit, string mixtureRuns, string mixtureFit, string folder) => name switch
    {
        "plot" => ["plot", "--fit", fit, "--data", runs, "--kind", "parity", "--out", Path.Combine(folder, "parity.svg")],
        "report" => ["report", "--fit", fit, "--data", runs, "--out", Path.Combine(folder, "report")],
        "optimize" => ["optimize", "--fit", mixtureFit, "--data", mixtureRuns, "--bootstrap", "3"],
        "design" => ["design", "--next", "1", "--fit", fit, "--data", runs, "--target", "N=1e9", "--decision", "loss", "--sizes", "1e8,1e9", "--ratios", "20", "--bootstrap", "3"],
        "predict --nested" => ["predict", "--nested", "--data", runs, "--target", "loss_a", "--target-scale", "N=1e9,step=1000"],
        _ => ["optimize", "--nested", "--data", runs, "--target", "loss_a", "--target-scale", "N=1e9,step=1000"],
    };

    [Theory]
    [InlineData("plot")]
    [InlineData("report")]
    [InlineData("optimize")]
    [InlineData("design")]
    [InlineData("predict --nested")]
    [InlineData("optimize --nested")]
    public void ABadFilterOrDerivationGivesTheSameErrorAsFit(string command)
    {
        string runs = FitDocumentTests.PowerLawRuns("params"), mixtureRuns = PredictDataTests.MixtureRuns();
        var args = Command(command, runs, PowerLawFit(runs), mixtureRuns, command == "optimize" ? MixtureFit(mixtureRuns) : "", CliRunner.TempDir());
        var fit = CliRunner.Run("fit", "--data", runs, "--formula", Formula, "--target", "loss_a", "--map", "N=params", "--where", "size > 1");
        Assert.Equal(1, fit.ExitCode);
        var where = CliRunner.Run([.. args, "--where", "size > 1"]);
        Assert.Equal(1, where.ExitCode);
        Assert.Contains("Option '--where': 'size' is not a column.", where.Error);
        Assert.Contains("Option '--where': 'size' is not a column.", fit.Error);
        string column = command == "optimize" ? "h_a" : "params";
        var derive = CliRunner.Run([.. args, "--derive", $"{column}=2*{column}"]);
        Assert.Equal(1, derive.ExitCode);
        Assert.Contains($"Option '--derive': column '{column}' already exists", derive.Error);
    }

    [Theory]
    [InlineData("plot")]
    [InlineData("report")]
    public void PlotAndReportReuseTheFitsMappingAndAcceptAnOverride(string command)
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        string fit = PowerLawFit(runs);
        var reused = CliRunner.Run(Command(command, runs, fit, "", "", CliRunner.TempDir()));
        Assert.True(reused.ExitCode == 0, reused.Error);
        var wrong = CliRunner.Run([.. Command(command, runs, fit, "", "", CliRunner.TempDir()), "--map", "N=size"]);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("no column 'size'", wrong.Error);
    }

    [Fact]
    public void PlotAndReportKeepTheRowsOfWhereAsFitDoes()
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        string fit = PowerLawFit(runs);
        string all = CliRunner.TempDir(), some = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run(Command("report", runs, fit, "", "", all)).ExitCode);
        Assert.Equal(0, CliRunner.Run([.. Command("report", runs, fit, "", "", some), "--where", "params > 1e8"]).ExitCode);
        byte[] Parity(string folder) => File.ReadAllBytes(Directory.GetFiles(Path.Combine(folder, "report"), "fit1-parity.png", SearchOption.AllDirectories).Single());
        Assert.NotEqual(Parity(all), Parity(some));
    }

    [Fact]
    public void OptimizeBootstrapAppliesTheWeightRuleOfFit()
    {
        string fit = MixtureFit(PredictDataTests.MixtureRuns());
        string off = PredictDataTests.MixtureRuns(offRow: 3);
        var rejected = CliRunner.Run("optimize", "--fit", fit, "--data", off, "--bootstrap", "3");
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains($"{off}:5:", rejected.Error);
        Assert.Contains("sum to 0.98", rejected.Error);
        var fitRejected = CliRunner.Run("fit", "--data", off, "--law", "data-mixing");
        Assert.Equal(1, fitRejected.ExitCode);
        Assert.Contains("sum to 0.98", fitRejected.Error);
    }

    [Theory]
    [InlineData("plot")]
    [InlineData("report")]
    public void AnXThatIsNotAVariableOfTheLawIsAClearError(string command)
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        string fit = PowerLawFit(runs);
        var args = command == "plot"
            ? ["plot", "--fit", fit, "--data", runs, "--kind", "fit", "--out", Path.Combine(CliRunner.TempDir(), "fit.svg"), "--x", "D"]
            : Command(command, runs, fit, "", "", CliRunner.TempDir()).Append("--x").Append("D").ToArray();
        var r = CliRunner.Run(args);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Option '--x': 'D' is not a variable of law", r.Error);
        Assert.Contains("(variables: N)", r.Error);
    }

    [Fact]
    public void PredictReadsOneDataFileForSeveralSavedFits()
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        string path = Path.Combine(CliRunner.TempDir(), "fits.json");
        var fit = CliRunner.Run("fit", "--data", runs, "--formula", Formula, "--target", "loss_*", "--start", "E=1,A=100,alpha=0.2", "--map", "N=params", "--format", "json", "-o", path);
        Assert.True(fit.ExitCode == 0, fit.Error);
        var r = CliRunner.Run("predict", "--fit", path, "--data", runs, "--where", "params > 1e8", "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Error);
        var lines = r.Out.TrimEnd().Split('\n').Skip(1).ToList();
        Assert.Equal(6, lines.Count(l => l.StartsWith("loss_a,", StringComparison.Ordinal)));
        Assert.Equal(6, lines.Count(l => l.StartsWith("loss_b,", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("optimize")]
    public void NestedCommandsApplyTheWeightRuleOfFit(string command)
    {
        string runs = CliRunner.DataPath("mixinglaws", "RedPajama");
        var r = CliRunner.Run(command, "--nested", "--data", runs, "--target", "loss_Github", "--target-scale", "size=1B,step=100k");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"\d+M\.txt:\d+: domain weights \(h_1, .*\) sum to 1\.0\d+, not 1\. Fix the data or pass --normalize-weights\.", r.Error);
    }

    [Fact]
    public void DropHighestNeedsTheSingleTargetOfTheSavedFits()
    {
        string runs = FitDocumentTests.PowerLawRuns("params");
        var one = CliRunner.Run("predict", "--fit", PowerLawFit(runs), "--data", runs, "--drop-highest", "5", "--format", "csv");
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Equal(1 + 12 - 5, one.Out.TrimEnd().Split('\n').Length);

        string path = Path.Combine(CliRunner.TempDir(), "fits.json");
        Assert.Equal(0, CliRunner.Run("fit", "--data", runs, "--formula", Formula, "--target", "loss_*", "--start", "E=1,A=100,alpha=0.2", "--map", "N=params", "--format", "json", "-o", path).ExitCode);
        var several = CliRunner.Run("predict", "--fit", path, "--data", runs, "--drop-highest", "5");
        Assert.Equal(1, several.ExitCode);
        Assert.Contains("Option '--drop-highest' needs a single target; the fits predict loss_a, loss_b.", several.Error);
        var fit = CliRunner.Run("fit", "--data", runs, "--formula", Formula, "--target", "loss_*", "--map", "N=params", "--drop-highest", "5");
        Assert.Equal(1, fit.ExitCode);
        Assert.Contains("Option '--drop-highest' needs a single target", fit.Error);
    }
}
