using Xunit;
using static ScalingLaws.Cli.Tests.CptFixtures;

namespace ScalingLaws.Cli.Tests;

/// <summary><c>cpt</c> and the CPT kinds of <c>plot</c>: figures are written; bad input exits 1 with a message naming the option.</summary>
public class CptBadInputTests
{
    private static readonly string Budget = $"N={Text(ModelSize)},D={Text(Tokens)}";

    private static (string Domain, string General) Fits()
    {
        var dir = CliRunner.TempDir();
        return (Write(Domain, dir), Write(General, dir));
    }

    private static void Fails(string[] args, params string[] fragments)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(1, r.ExitCode);
        foreach (var f in fragments) Assert.Contains(f, r.Error);
    }

    [Fact]
    public void MissingFitFileNamesTheOption()
    {
        var (_, general) = Fits();
        Fails(["cpt", "--domain-fit", "no-such-fit.json", "--general-fit", general, "--budget", Budget, "--tolerance", "2.35:+3%"],
            "Option '--domain-fit'", "no-such-fit.json", "does not exist");
    }

    [Theory]
    [InlineData("2.35+3%")]
    [InlineData("2.35:+")]
    [InlineData("abc:+3%")]
    [InlineData("2.35:+-1")]
    public void MalformedToleranceNamesTheOptionAndTheSyntax(string tolerance)
    {
        var (domain, general) = Fits();
        Fails(["cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget, "--tolerance", tolerance], "Option '--tolerance'");
    }

    [Fact]
    public void InfeasibleLimitIsExitOneNamingTheTolerance()
    {
        var (domain, general) = Fits();
        var r = CliRunner.Run("cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget, "--tolerance", "1.0:+3%", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Option '--tolerance'", r.Error);
        Assert.Contains("Infeasible", r.Error);
        Assert.False(r.Json.GetProperty("feasible").GetBoolean());
        Fails(["cpt", "--general-fit", general, "--budget", Budget, "--tolerance", "1.0:+0.05", "--cmr"], "Option '--tolerance'", "no domain share");
    }

    [Fact]
    public void MissingOrConflictingInputsNameTheOption()
    {
        var (domain, general) = Fits();
        Fails(["cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget], "Option '--tolerance' is required");
        Fails(["cpt", "--domain-fit", domain, "--general-fit", general, "--budget", $"N={Text(ModelSize)}", "--tolerance", "2.35:+3%"], "Option '--budget'", "reads D");
        Fails(["cpt", "--domain-fit", domain, "--budget", Budget, "--tolerance", "2.35:+3%", "--cmr"], "Option '--general-fit' is required");
        Fails(["cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget, "--cmr", "--pareto", "11", "--tolerance", "2.35:+3%"], "'--cmr'", "'--pareto'");
        Fails(["cpt", "--domain-fit", domain, "--compute", "1e21"], "Option '--share' is required");
        Fails(["cpt", "--domain-fit", domain, "--budget", Budget, "--domain-tokens", "2e9"], "Option '--budget'", "do not give D");
        Fails(["cpt", "--cmr-fit", general, "--tokens-range", "1e9:1e11"], "Option '--tokens-range'", "DMIN:DMAX:POINTS");
        Fails(["cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget, "--pareto", "1"], "Option '--pareto'");
        Fails(["cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget, "--tolerance", "2.35:+3%", "--share-variable", "x"],
            "Option '--domain-fit'", "share variable 'x'");
    }

    [Fact]
    public void CptFiguresAreWritten()
    {
        var (domain, general) = Fits();
        var dir = CliRunner.TempDir();
        string tolerance = $"{Text(PreTrainingGeneralLoss)}:+0.05";
        var png = Path.Combine(dir, "cmr.png");
        var r = CliRunner.Run("plot", "--kind", "cmr", "--general-fit", general, "--domain-fit", domain, "--budget", Budget, "--tolerance", tolerance, "--out", png);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.True(new FileInfo(png).Length > 1000);
        var svg = Path.Combine(dir, "pareto.svg");
        r = CliRunner.Run("plot", "--kind", "pareto", "--general-fit", general, "--domain-fit", domain, "--budget", Budget, "--tolerance", tolerance, "--out", svg);
        Assert.True(r.ExitCode == 0, r.Error);
        var text = File.ReadAllText(svg);
        Assert.Contains("Pareto front", text);
        Assert.Contains("chosen", text);
        Fails(["plot", "--kind", "cmr", "--domain-fit", domain, "--budget", Budget, "--tolerance", tolerance, "--out", png], "Option '--general-fit' is required");
        Fails(["plot", "--kind", "pareto", "--general-fit", general, "--budget", Budget, "--out", svg], "Option '--domain-fit' is required");
    }
}
