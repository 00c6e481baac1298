using System.Text.Json;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Continual;
using Xunit;
using static ScalingLaws.Cli.Tests.CptFixtures;

namespace ScalingLaws.Cli.Tests;

/// <summary><c>cpt</c> end to end: each decision gives the library's answer for the same inputs; published CMR values; bad input.</summary>
public class CptCommandTests
{
    private static readonly string Budget = $"N={Text(ModelSize)},D={Text(Tokens)}";

    private static (string Domain, string General) Fits()
    {
        var dir = CliRunner.TempDir();
        return (Write(Domain, dir), Write(General, dir));
    }

    private static CliRunner.Result Ok(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Error}");
        return r;
    }

    [Fact]
    public void TradeOffGivesTheLibraryChoiceInEveryFormat()
    {
        var (domain, general) = Fits();
        double l0 = PreTrainingGeneralLoss;
        var expected = ContinualPretraining.TradeOff(Domain, General, ModelSize, Tokens, l0, LossTolerance.Relative(0.03));
        string[] args = ["cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget, "--tolerance", $"{Text(l0)}:+3%"];

        var json = Ok([.. args, "--format", "json"]).Json;
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("cpt-choice", json.GetProperty("kind").GetString());
        Assert.Equal("trade-off", json.GetProperty("decision").GetString());
        Assert.True(json.GetProperty("feasible").GetBoolean());
        Assert.Equal(expected.DomainShare, json.GetProperty("domainShare").GetDouble());
        Assert.Equal(expected.DomainLoss, json.GetProperty("domainLoss").GetDouble());
        Assert.Equal(expected.GeneralLoss!.Value, json.GetProperty("generalLoss").GetDouble());
        Assert.Equal(1.03 * l0, json.GetProperty("generalLimit").GetDouble(), 1e-12);
        Assert.Equal(expected.LimitActive, json.GetProperty("limitActive").GetBoolean());

        var csv = Ok([.. args, "--format", "csv"]).Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("decision,feasible,domain_share", csv[0]);
        Assert.Equal(2, csv.Length);
        Assert.Contains("domain share r_d", Ok(args).Out);
    }

    [Fact]
    public void OutputFileIsWrittenInsteadOfStandardOutput()
    {
        var (domain, general) = Fits();
        var path = Path.Combine(CliRunner.TempDir(), "choice.json");
        var r = Ok("cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget, "--tolerance", $"{Text(PreTrainingGeneralLoss)}:+0.05",
            "--format", "json", "-o", path);
        Assert.Equal("", r.Out);
        Assert.Contains(path, r.Error);
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public void LimitedDomainDataGivesTheLibraryChoice()
    {
        var (domain, general) = Fits();
        double domainTokens = 2e9, l0 = PreTrainingGeneralLoss;
        var alone = ContinualPretraining.LimitedDomainData(Domain, ModelSize, domainTokens);
        var json = Ok("cpt", "--domain-fit", domain, "--budget", $"N={Text(ModelSize)}", "--domain-tokens", "2e9", "--format", "json").Json;
        Assert.Equal("limited-domain-data", json.GetProperty("decision").GetString());
        Assert.Equal(alone.DomainShare, json.GetProperty("domainShare").GetDouble());
        Assert.Equal(alone.Tokens, json.GetProperty("tokens").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("generalLoss").ValueKind);

        var limited = ContinualPretraining.LimitedDomainData(Domain, ModelSize, domainTokens, generalLaw: General,
            preTrainingGeneralLoss: l0, tolerance: LossTolerance.Relative(0.05));
        var withLimit = Ok("cpt", "--domain-fit", domain, "--general-fit", general, "--budget", $"N={Text(ModelSize)}", "--domain-tokens", "2e9",
            "--tolerance", $"{Text(l0)}:+5%", "--format", "json").Json;
        Assert.Equal(limited.DomainShare, withLimit.GetProperty("domainShare").GetDouble());
        Assert.Equal(limited.GeneralLoss!.Value, withLimit.GetProperty("generalLoss").GetDouble());
    }

    [Fact]
    public void AllocationGivesTheLibraryAllocation()
    {
        var (domain, _) = Fits();
        var expected = ContinualPretraining.Allocate(Domain, 0.3, 1e21);
        var json = Ok("cpt", "--domain-fit", domain, "--compute", "1e21", "--share", "0.3", "--format", "json").Json;
        Assert.Equal("allocation", json.GetProperty("kind").GetString());
        Assert.Equal(expected.ModelSize, json.GetProperty("modelSize").GetDouble());
        Assert.Equal(expected.Tokens, json.GetProperty("tokens").GetDouble());
        Assert.Equal(expected.Loss, json.GetProperty("loss").GetDouble());
        Assert.Equal(0.3, json.GetProperty("variables").GetProperty("r").GetDouble());
    }

    [Fact]
    public void CriticalRatioAndItsCurveGiveTheLibraryValues()
    {
        var (_, general) = Fits();
        double l0 = PreTrainingGeneralLoss;
        var expected = ContinualPretraining.CriticalRatio(General, ModelSize, Tokens, l0);
        var json = Ok("cpt", "--general-fit", general, "--budget", Budget, "--tolerance", $"{Text(l0)}:+0.05", "--cmr", "--format", "json").Json;
        Assert.Equal("critical-mixture-ratio", json.GetProperty("kind").GetString());
        Assert.Equal("crossing", json.GetProperty("status").GetString());
        Assert.Equal(expected.Ratio!.Value, json.GetProperty("ratio").GetDouble());
        Assert.Equal(l0 + 0.05, json.GetProperty("limit").GetDouble());

        double[] tokens = [1e9, 1e10, 1e11];
        var curve = ContinualPretraining.CriticalRatioCurve(General, ModelSize, tokens, l0);
        var points = Ok("cpt", "--general-fit", general, "--budget", $"N={Text(ModelSize)}", "--tolerance", $"{Text(l0)}:+0.05",
            "--tokens-range", "1e9:1e11:3", "--format", "json").Json.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(3, points.Length);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(tokens[i], points[i].GetProperty("tokens").GetDouble(), 1e-6 * tokens[i]);
            if (curve[i].Ratio is double r) Assert.Equal(r, points[i].GetProperty("ratio").GetDouble(), 1e-9);
            else Assert.Equal(JsonValueKind.Null, points[i].GetProperty("ratio").ValueKind);
        }
    }

    [Theory]
    [InlineData(0.22524761, 0.26944345, -0.48139982, 29.76)]
    [InlineData(0.7520627, 0.13720245, -1.06581937, 34.89)]
    [InlineData(-2.36384831, -0.15125569, 1.59223649, 41.43)]
    [InlineData(-2.5368197, -0.42071423, 0.84375368, 47.83)]
    public void CmrTokensLawGivesThePublishedRatiosAtTwentyBillionTokens(double a, double s, double b, double percent)
    {
        // Gu et al. 2024, Table 5 (Finance), T in units of 0.2B tokens: T = 100 is 20B tokens.
        var fit = Write(new FittedLaw(new CmrTokensLaw(), [a, s, b], "cmr"));
        var points = Ok("cpt", "--cmr-fit", fit, "--tokens-range", "25:100:4", "--format", "json").Json.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(100, points[^1].GetProperty("tokens").GetDouble());
        Assert.Equal(percent, Math.Round(100 * points[^1].GetProperty("ratio").GetDouble(), 2));
        var csv = Ok("cpt", "--cmr-fit", fit, "--tokens-range", "100:100:1", "--format", "csv").Out;
        Assert.StartsWith("tokens,ratio,status\n100,", csv);
    }

    [Fact]
    public void GeneralShareConventionFollowsTheLawOrTheOption()
    {
        // A cmr-ratio law reads R, the domain share: auto evaluates it at r_d, as CriticalMixtureRatio.FromRatioLaw does.
        double alpha = 0.3, s = 1.5, beta = 2.0, l0 = 2.05;
        var ratioFit = Write(new FittedLaw(new CmrRatioLaw(), [alpha, s, beta], "loss_general"));
        var expected = CriticalMixtureRatio.FromRatioLaw(alpha, s, beta, l0, LossTolerance.Absolute(0.05));
        var auto = Ok("cpt", "--general-fit", ratioFit, "--tolerance", "2.05:+0.05", "--cmr", "--format", "json").Json;
        Assert.Equal(expected.Ratio!.Value, auto.GetProperty("ratio").GetDouble(), 1e-12);

        // A D-CPT general law is written in r_g; --general-share domain overrides that.
        var (_, general) = Fits();
        double l0g = PreTrainingGeneralLoss;
        var options = new ContinualPretrainingOptions { GeneralLawUsesDomainShare = true };
        var overridden = ContinualPretraining.CriticalRatio(General, ModelSize, Tokens, l0g, null, options);
        var json = Ok("cpt", "--general-fit", general, "--budget", Budget, "--tolerance", $"{Text(l0g)}:+0.05", "--cmr", "--general-share", "domain",
            "--format", "json").Json;
        var ratio = json.GetProperty("ratio");
        Assert.Equal(overridden.Ratio, ratio.ValueKind == JsonValueKind.Null ? null : ratio.GetDouble());
        Assert.NotEqual(ContinualPretraining.CriticalRatio(General, ModelSize, Tokens, l0g).Ratio, overridden.Ratio);
    }

    [Fact]
    public void ParetoFrontGivesTheLibraryFront()
    {
        var (domain, general) = Fits();
        var expected = ContinualPretraining.ParetoFront(Domain, General, ModelSize, Tokens, 41);
        var json = Ok("cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget, "--pareto", "41", "--format", "json").Json;
        Assert.Equal("pareto-front", json.GetProperty("kind").GetString());
        var points = json.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(expected.Points.Length, points.Length);
        for (int i = 0; i < points.Length; i++)
        {
            Assert.Equal(expected.Points[i].FirstLoss, points[i].GetProperty("firstLoss").GetDouble());
            Assert.Equal(expected.Points[i].SecondLoss, points[i].GetProperty("secondLoss").GetDouble());
        }
        var csv = Ok("cpt", "--domain-fit", domain, "--general-fit", general, "--budget", Budget, "--pareto", "41", "--format", "csv").Out.TrimEnd('\n').Split('\n');
        Assert.Equal("domain_share,domain_loss,general_loss", csv[0]);
        Assert.Equal(expected.Points.Length + 1, csv.Length);
    }
}
