using System.Text.Json.Nodes;
using ScalingLaws.Cli.Infrastructure;
using Xunit;

namespace ScalingLaws.Cli.Tests.Hardening;

/// <summary>One test per hostile input that once crashed, destroyed a file or gave a silent wrong answer.</summary>
public class HostileInputRegressionTests
{
    private const string Zeros = "x,y\n0,1\n1,3\n2,3.8\n3,4.4\n4,5\n";

    private static CliRunner.Result Fails(int code, params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(code == r.ExitCode, $"exit {r.ExitCode}, expected {code}: {r.Error}");
        Assert.DoesNotContain("   at ", r.Error);
        Assert.DoesNotContain("internal error", r.Error);
        Assert.DoesNotContain("(Parameter '", r.Error);
        if (code == 1) Assert.Contains("error: ", r.Error);
        if (code == 2) Assert.NotEmpty(r.Error);
        return r;
    }

    private static string LinearFit()
    {
        var data = CliRunner.WriteTemp("lin.csv", "x,y\n1,2\n2,3.1\n3,3.9\n4,5.2\n");
        var path = Path.Combine(Path.GetDirectoryName(data)!, "lin.json");
        Assert.Equal(0, CliRunner.Run("fit", "--data", data, "--target", "y", "--formula", "a*x+c", "--format", "json", "--output", path).ExitCode);
        return path;
    }

    private static string ChinchillaFit()
    {
        var path = Path.Combine(CliRunner.TempDir(), "chinchilla.json");
        var r = CliRunner.Run("fit", "--data", CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv"), "--law", "chinchilla",
            "--drop-highest", "5", "--format", "json", "--output", path);
        Assert.Equal(0, r.ExitCode);
        return path;
    }

    [Fact]
    public void ZeroInTheDataWithAPowerGivesAStateNotACrash()
    {
        var data = CliRunner.WriteTemp("z.csv", Zeros);
        var r = Fails(2, "fit", "--data", data, "--target", "y", "--formula", "a*x^b+c");
        Assert.Contains("did not converge", r.Error);
        var allowed = Fails(0, "fit", "--data", data, "--target", "y", "--formula", "a*x^b+c", "--allow-unconverged", "--format", "json");
        Assert.Contains("non-finite", allowed.Json.GetProperty("covariance").ToString());
    }

    [Fact]
    public void SqrtOfAParameterStartingAtZeroGivesAStateNotACrash()
    {
        var data = CliRunner.WriteTemp("z.csv", Zeros);
        Fails(0, "fit", "--data", data, "--target", "y", "--formula", "sqrt(a)*x+c", "--start", "a=0", "--allow-unconverged");
    }

    [Theory]
    [InlineData("a=0:999999:1,b=0:999999:1,c=0:999999:1,d=0:999999:1")]
    [InlineData("a=0:65535:1,b=0:65535:1,c=0:65535:1,d=0:65535:1")]
    [InlineData("a=0:769545:1,b=0:494769:1,c=0:8680:1,d=0:5580:1")]
    [InlineData("a=0:1000:1,b=0:1000:1,c=0:2:1")]
    public void GridsBeyondTheLimitAreRefusedNamingTheOption(string grid)
    {
        var data = CliRunner.WriteTemp("z.csv", Zeros);
        var r = Fails(1, "fit", "--data", data, "--target", "y", "--formula", "a*x+b+c+d", "--grid", grid);
        Assert.Contains("--grid", r.Error);
        Assert.Contains("at most 1,000,000", r.Error);
    }

    [Fact]
    public void TooManyRandomStartsAreRefused() =>
        Assert.Contains("--starts", Fails(1, "fit", "--data", CliRunner.WriteTemp("z.csv", Zeros), "--target", "y", "--formula", "a*x+c", "--starts", "2000000000").Error);

    [Fact]
    public void BudgetBeyondTheRangeOfNumbersIsRefused() =>
        Assert.Contains("--budget", Fails(1, "optimize", "--fit", ChinchillaFit(), "--budget", "C=1e400").Error);

    [Fact]
    public void BudgetAndIsoFlopOnAFitWithoutNAndDAreRefused()
    {
        var fit = LinearFit();
        Assert.Contains("'N'", Fails(1, "optimize", "--fit", fit, "--budget", "C=1e20").Error);
        Assert.Contains("'N'", Fails(1, "plot", "--fit", fit, "--kind", "isoflop", "--budgets", "1e19", "--out", Path.Combine(CliRunner.TempDir(), "a.png")).Error);
    }

    [Fact]
    public void AHugeFrontierIsRefused() =>
        Assert.Contains("at most 10,000", Fails(1, "optimize", "--fit", ChinchillaFit(), "--frontier", "1e19:1e25:1000000000").Error);

    [Fact]
    public void ZeroThreadsNamesTheOption()
    {
        var r = Fails(1, "fit", "--data", CliRunner.WriteTemp("z.csv", Zeros), "--target", "y", "--formula", "a*x+c", "--threads", "0");
        Assert.Contains("--threads", r.Error);
        Assert.DoesNotContain("MaxDegreeOfParallelism", r.Error);
    }

    [Fact]
    public void UnknownLawHasNoParameterSuffix() => Assert.Contains("nosuchlaw", Fails(1, "laws", "nosuchlaw").Error);

    [Fact]
    public void AHugeBadCellIsNotEchoedWhole()
    {
        var cell = new string('z', 10 * 1024 * 1024);
        var data = CliRunner.WriteTemp("big.csv", "x,y\n1,2\n2,3\n3,4\n4," + cell + "\n5,6\n");
        var r = Fails(1, "fit", "--data", data, "--target", "y", "--formula", "a*x+c");
        Assert.True(r.Error.Length < 4000, $"{r.Error.Length} characters on stderr");
        Assert.Contains("characters", r.Error);
    }

    [Fact]
    public void UnknownLossSuggestsNoMadeUpScale()
    {
        var r = Fails(1, "fit", "--data", CliRunner.WriteTemp("z.csv", Zeros), "--target", "y", "--formula", "a*x+c", "--loss", "foo");
        Assert.Contains("Unknown loss 'foo'", r.Error);
        Assert.DoesNotContain("foo:0.001", r.Error);
    }

    [Fact]
    public void UnknownCommandIsNamed()
    {
        var r = Fails(1, "fti");
        Assert.Contains("unknown command 'fti'", r.Error);
        Assert.Contains("did you mean 'fit'", r.Error);
        Assert.DoesNotContain("Required command", r.Error);
    }

    [Theory]
    [InlineData("x\ty\n1\t2.1\n2\t2.9\n3\t4.2\n")]
    [InlineData("x;y\n1;2.1\n2;2.9\n3;4.2\n")]
    public void TabAndSemicolonSeparatedCsvFilesAreRecognisedByContent(string text) =>
        Fails(0, "fit", "--data", CliRunner.WriteTemp("runs.csv", text), "--target", "y", "--formula", "a*x+c");

    [Fact]
    public void AFlatSumOfThreeHundredTermsIsNotTooDeep()
    {
        var formula = string.Join("+", Enumerable.Range(1, 300).Select(i => i % 3 == 0 ? $"-{i}*x" : $"{i}*x")) + "+a*x+c";
        var r = Fails(0, "fit", "--data", CliRunner.WriteTemp("z.csv", Zeros), "--target", "y", "--formula", formula, "--format", "json");
        double sum = Enumerable.Range(1, 300).Sum(i => i % 3 == 0 ? -i : i);
        var a = r.Json.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("name").GetString() == "a").GetProperty("value").GetDouble();
        Assert.Equal(0.94 - sum, a, 1e-6);
        Assert.Contains("nested too deeply", Fails(1, "fit", "--data", CliRunner.WriteTemp("z.csv", Zeros), "--target", "y",
            "--formula", new string('(', 300) + "a" + new string(')', 300) + "+c*x").Error);
    }

    [Fact]
    public void TheTargetInsideTheFormulaIsRefused() =>
        Assert.Contains("target column 'y'", Fails(1, "fit", "--data", CliRunner.WriteTemp("z.csv", Zeros), "--target", "y", "--formula", "a*x+c+0*y").Error);

    [Fact]
    public void AFixedValueOutsideItsBoundsIsRefused() =>
        Assert.Contains("outside its bounds", Fails(1, "fit", "--data", CliRunner.WriteTemp("z.csv", Zeros), "--target", "y", "--formula", "a*x+c",
            "--fix", "c=5", "--bounds", "c=0:1").Error);

    [Fact]
    public void DeriveDoesNotOverwriteAColumn() =>
        Assert.Contains("already exists", Fails(1, "fit", "--data", CliRunner.WriteTemp("z.csv", Zeros), "--target", "y", "--formula", "a*x+c",
            "--derive", "x=x*2").Error);

    [Fact]
    public void APredictionPointBeyondTheRangeOfNumbersIsRefused() =>
        Assert.Contains("--at", Fails(1, "predict", "--fit", LinearFit(), "--at", "x=1e400").Error);

    [Fact]
    public void SimulateNeedsEveryParameter()
    {
        var r = Fails(1, "simulate", "--law", "chinchilla", "--params", "a=6.2", "--out", Path.Combine(CliRunner.TempDir(), "runs.csv"));
        Assert.Contains("'b'", r.Error);
        Assert.Contains("--params", r.Error);
    }

    [Fact]
    public void PlotAndFitFollowOneRuleForMissingFolders()
    {
        var missing = Path.Combine(CliRunner.TempDir(), "no", "such");
        var fit = Fails(1, "fit", "--data", CliRunner.WriteTemp("z.csv", Zeros), "--target", "y", "--formula", "a*x+c", "--output", Path.Combine(missing, "f.json"));
        var plot = Fails(1, "plot", "--fit", ChinchillaFit(), "--kind", "frontier", "--out", Path.Combine(missing, "f.png"));
        Assert.Contains("does not exist", fit.Error);
        Assert.Contains("does not exist", plot.Error);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task AClosedStandardOutputIsAClearError()
    {
        var error = new StringWriter();
        int code = await CliApp.RunAsync(["laws"], new BrokenWriter(), error);
        Assert.Equal(1, code);
        Assert.Contains("Cannot write to standard output", error.ToString());
    }

    [Fact]
    public void ABugIsOneLineAndExit70WithTheTraceOnlyWhenVerbose()
    {
        var quiet = new StringWriter();
        int code = ErrorBoundary.Run(new CliContext(TextWriter.Null, quiet, false), () => throw new InvalidOperationException("boom"));
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("internal error, please report", quiet.ToString());
        Assert.DoesNotContain("   at ", quiet.ToString());
        var verbose = new StringWriter();
        ErrorBoundary.Run(new CliContext(TextWriter.Null, verbose, false) { Verbose = true }, () => throw new InvalidOperationException("boom"));
        Assert.Contains("   at ", verbose.ToString());
    }

    [Theory]
    [InlineData("repeat-parameter")]
    [InlineData("repeat-variable")]
    [InlineData("variable-named-like-parameter")]
    [InlineData("no-parameters")]
    [InlineData("formula-lacks-parameter")]
    [InlineData("null-parameter")]
    public void EditedFitFilesAreBadInputNamingTheFile(string edit)
    {
        var fit = LinearFit();
        var document = JsonNode.Parse(File.ReadAllText(fit))!.AsObject();
        var parameters = document["parameters"]!.AsArray();
        switch (edit)
        {
            case "repeat-parameter": parameters.Add(parameters[0]!.DeepClone()); break;
            case "repeat-variable": document["variables"] = new JsonArray("x", "x"); break;
            case "variable-named-like-parameter": document["variables"] = new JsonArray("x", "a"); break;
            case "no-parameters": parameters.Clear(); break;
            case "formula-lacks-parameter": document["formula"] = "a*x"; break;
            case "null-parameter": parameters[0]!["value"] = null; break;
        }
        File.WriteAllText(fit, document.ToJsonString());
        var r = Fails(1, "predict", "--fit", fit, "--at", "x=2");
        Assert.Contains(Path.GetFileName(fit), r.Error);
    }

    [Fact]
    public async Task CancellingALongFitWithOutputPrintsCancelledAndLeavesNoFile()
    {
        // Program.cs cancels this token on SIGINT/SIGTERM; the command must stop, write nothing and exit 130.
        var folder = CliRunner.TempDir();
        var rows = string.Join("\n", Enumerable.Range(1, 400).Select(i => $"{i},{Math.Sin(i) + 0.01 * i}"));
        var data = Path.Combine(folder, "long.csv");
        File.WriteAllText(data, "x,y\n" + rows + "\n");
        var output = Path.Combine(folder, "fit.json");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var error = new StringWriter();
        int code = await CliApp.RunAsync(["fit", "--data", data, "--target", "y", "--formula", "a*sin(w*x+p)+b*x+c", "--starts", "200000",
            "--threads", "1", "--format", "json", "--output", output], TextWriter.Null, error, cancellation: cancellation.Token);
        Assert.Equal(130, code);
        Assert.Contains("cancelled", error.ToString());
        Assert.Equal("long.csv", Assert.Single(Directory.GetFiles(folder).Select(f => Path.GetFileName(f))));
    }

    private sealed class BrokenWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void Write(char value) => throw new IOException("Broken pipe");
        public override void Write(string? value) => throw new IOException("Broken pipe");
    }
}
