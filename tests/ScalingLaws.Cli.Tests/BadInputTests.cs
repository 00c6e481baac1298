using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>Bad input: each gives exit 1 and a message that says what and where.</summary>
public class BadInputTests
{
    private static string Epoch => CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");
    private const string Chinchilla = "exp(e) + exp(a - alpha*log(N)) + exp(b - beta*log(D))";

    private static CliRunner.Result Fails(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 1, $"exit {r.ExitCode}: {r.Error}");
        return r;
    }

    [Theory]
    [InlineData("--starts", "abc", "an integer")]
    [InlineData("--bootstrap", "2.5", "an integer")]
    [InlineData("--max-iterations", "many", "an integer")]
    public void MistypedOptionValueSaysWhatWasExpected(string option, string value, string expected)
    {
        var r = CliRunner.Run("fit", "--data", CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv"), "--law", "chinchilla", option, value);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"error: Cannot parse argument '{value}' for option '{option}' as {expected}.", r.Error);
        Assert.Contains("Run 'scaling-laws fit --help' for the options.", r.Error);
        Assert.DoesNotContain("System.", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void UnknownCommandExitsOne()
    {
        var r = CliRunner.Run("frobnicate");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error: unknown command 'frobnicate'.", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void MissingFile() =>
        Assert.Contains("nope.csv", Fails("fit", "--data", "nope.csv", "--formula", "a*x", "--target", "y").Error);

    [Fact]
    public void NonNumberNamesLineAndColumn()
    {
        var path = CliRunner.WriteTemp("runs.csv", "x,y\n1,2\n2,4\n3,abc\n4,8\n5,10\n");
        var r = Fails("fit", "--data", path, "--formula", "a*x", "--target", "y");
        Assert.Contains("runs.csv:4:2", r.Error);
        Assert.Contains("'abc'", r.Error);
    }

    [Fact]
    public void UnknownFunctionNamesItsColumn()
    {
        var r = Fails("fit", "--data", Epoch, "--formula", "E + expp(a - alpha*log(N))");
        Assert.Contains("formula column 5", r.Error);
        Assert.Contains("expp", r.Error);
    }

    [Fact]
    public void FormulaSyntaxError()
    {
        var r = Fails("fit", "--data", Epoch, "--formula", "E + (A*N^-alpha");
        Assert.Contains("formula column", r.Error);
    }

    [Fact]
    public void StartOutsideBounds()
    {
        var r = Fails("fit", "--data", Epoch, "--formula", Chinchilla, "--bounds", "alpha=0:1", "--start", "alpha=1.5");
        Assert.Contains("Initial value of 'alpha' (1.5) lies outside its bounds [0, 1]", r.Error);
    }

    [Fact]
    public void FewerRowsThanFreeParameters()
    {
        var path = CliRunner.WriteTemp("few.csv", "x,y\n1,2\n2,3\n");
        var r = Fails("fit", "--data", path, "--formula", "a + b*x + c*x^2", "--target", "y");
        Assert.Contains("2 rows", r.Error);
        Assert.Contains("3 free parameters", r.Error);
    }

    [Fact]
    public void TargetColumnThatDoesNotExist()
    {
        var r = Fails("fit", "--data", Epoch, "--formula", Chinchilla, "--target", "Loss");
        Assert.Contains("'Loss'", r.Error);
        Assert.Contains("'loss'", r.Error);
    }

    [Fact]
    public void EmptyFile()
    {
        var path = CliRunner.WriteTemp("empty.csv", "");
        var r = Fails("fit", "--data", path, "--formula", "a*x", "--target", "y");
        Assert.Contains("empty.csv", r.Error);
    }

    [Fact]
    public void LawWhoseVariablesTheDataLack()
    {
        var r = Fails("fit", "--data", Epoch, "--law", "data-constrained");
        Assert.Contains("'U'", r.Error);
    }

    [Fact]
    public void NonPositiveTargetInLogSpace()
    {
        var path = CliRunner.WriteTemp("neg.csv", "x,y\n1,2\n2,0\n3,4\n4,5\n");
        var r = Fails("fit", "--data", path, "--formula", "a*x^b", "--target", "y", "--space", "log");
        Assert.Contains("positive", r.Error);
    }

    [Fact]
    public void WeightsThatDoNotSumToOne()
    {
        var path = CliRunner.WriteTemp("mix.csv", "h_a,h_b,loss\n0.5,0.5,3\n0.7,0.2,3.1\n0.2,0.8,2.9\n0.4,0.6,3\n");
        var r = Fails("fit", "--data", path, "--law", "data-mixing");
        Assert.Contains("mix.csv:3", r.Error);
        Assert.Contains("--normalize-weights", r.Error);
    }

    [Fact]
    public void MissingMappedColumn()
    {
        var r = Fails("fit", "--data", Epoch, "--law", "chinchilla", "--map", "N=model_size");
        Assert.Contains("model_size", r.Error);
    }

    [Fact]
    public void UnknownLawSuggestsClosest()
    {
        var r = Fails("fit", "--data", Epoch, "--law", "chinchila");
        Assert.Contains("chinchilla", r.Error);
    }

    [Fact]
    public void UnknownOptionAndMissingRequiredOption()
    {
        Assert.Equal(1, CliRunner.Run("fit", "--data", Epoch, "--law", "chinchilla", "--bogus").ExitCode);
        Assert.Equal(1, CliRunner.Run("fit", "--law", "chinchilla").ExitCode);
        Assert.Equal(1, CliRunner.Run("frobnicate").ExitCode);
    }

    [Fact]
    public void FitFileOfAnotherSchemaVersion()
    {
        var path = CliRunner.WriteTemp("old.json", "{\"schemaVersion\": 99, \"kind\": \"fit\"}");
        var r = Fails("predict", "--fit", path, "--at", "N=1e9,D=1e10");
        Assert.Contains("schemaVersion 99", r.Error);
    }

    [Fact]
    public void OutputPathThatCannotBeWritten()
    {
        var r = Fails("fit", "--data", Epoch, "--law", "chinchilla", "--output", "/nonexistent-dir/fit.json");
        Assert.Contains("/nonexistent-dir", r.Error);
    }
}
