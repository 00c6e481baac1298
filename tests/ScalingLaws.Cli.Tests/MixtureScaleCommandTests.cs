using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// The mixture laws at the next model size through the CLI: the joint law's prediction intervals on a simulated
/// 7-domain log, and both laws fitted on the bundled RedPajama runs below 1B predicting the 1B runs.
/// </summary>
public class MixtureScaleCommandTests(ITestOutputHelper output)
{
    /// <summary>
    /// The joint law (33 parameters) on the 480-run simulated log, fitted with default options without the 1.2B runs;
    /// predict's 90 % intervals are checked against the 120 held-out runs.
    /// </summary>
    [Fact]
    public void PredictIntervalsCoverTheHeldOutLargestSizeOfASevenDomainJointLog()
    {
        string runs = SevenDomainLog.Simulate("mixture-joint",
            "E=1.5,A=400,alpha=0.34,B=1000,beta=0.3,C_web=2,C_code=1.5,C_books=1,C_wiki=1.2,C_math=0.8,C_arxiv=1,C_forum=0.6," +
            "gamma_web=0.4,gamma_code=0.3,gamma_books=0.5,gamma_wiki=0.35,gamma_math=0.25,gamma_arxiv=0.45,gamma_forum=0.3," +
            "a_code=1.3,a_books=0.8,a_wiki=1.2,a_math=0.7,a_arxiv=1.1,a_forum=0.9,gamma_A=1.2," +
            "b_code=0.8,b_books=1.3,b_wiki=0.9,b_math=1.4,b_arxiv=0.7,b_forum=1.1,gamma_B=0.9");
        var (inside, total, relativeError) = SevenDomainLog.HeldOutLargestSize("mixture-joint", runs, 0.9);
        double coverage = (double)inside / total;
        output.WriteLine($"90 % delta-method intervals cover {inside} of {total} held-out 1.2B runs ({100 * coverage:F1} %); hold-out MRE {100 * relativeError:F2} %");
        Assert.Equal(120, total);
        Assert.InRange(coverage, 0.8, 1.0);
        Assert.True(relativeError < 0.01, $"hold-out MRE {relativeError:P2} is not within the 0.5 % noise's reach");
    }

    /// <summary>
    /// As docs/validation.md runs it, on the checkpoints at 10k, 20k and 30k steps to keep the test short: both laws fitted
    /// on the 70M–410M runs for the five Pile domains "loss_P*", predicting the 1B runs (mixtures 5 and 8 and the
    /// reference runs, 30 rows per domain). Each 1B MRE is below 3 % (mean below 2 %), the joint law's objective is never
    /// above the additive one's (it contains it), and each fit has a covariance or names the parameters the data cannot separate.
    /// </summary>
    [Fact]
    public void RedPajamaFitBelowOneBillionPredictsTheOneBillionRuns()
    {
        var additive = FitAndScore("mixture-additive");
        var joint = FitAndScore("mixture-joint");
        Assert.Equal(5, joint.Count);
        foreach (var (target, (objective, _)) in joint)
            Assert.True(objective <= additive[target].Objective * (1 + 1e-12), $"{target}: joint objective {objective:R} above the additive {additive[target].Objective:R}");
    }

    /// <summary>
    /// RedPajama's DM_Mathematics on the 10k/20k/30k checkpoints: no random start of the joint law reaches the additive
    /// optimum, and the plain run from it (start #66 of 67: 64 random starts, the embedded optimum, this run, the run through
    /// the loss continuation) is the lowest when its 5,000-step budget ends; it goes on to convergence instead of leaving
    /// the fit unconverged (exit 2 without --allow-unconverged).
    /// </summary>
    [Fact]
    public void TheRunFromTheAdditiveOptimumGoesOnWhileItIsTheLowest()
    {
        var fit = CliRunner.Run("fit", "--data", CliRunner.DataPath("mixinglaws", "RedPajama"), "--law", "mixture-joint", "--derive", "D=tokens",
            "--target", "loss_DM_Mathematics", "--where", "N < 5e8 && (step == 10000 || step == 20000 || step == 30000)",
            "--normalize-weights", "--no-scale-holdout", "--format", "json");
        Assert.True(fit.ExitCode == 0, fit.Error);
        output.WriteLine($"{fit.Json.GetProperty("terminationMessage").GetString()}, objective {fit.Json.GetProperty("objective").GetDouble():R}, {fit.Json.GetProperty("iterations").GetInt32()} steps");
        Assert.Equal(65, fit.Json.GetProperty("starts").GetProperty("bestIndex").GetInt32());
        Assert.True(fit.Json.GetProperty("iterations").GetInt32() > 5000);
    }

    private Dictionary<string, (double Objective, double Mre)> FitAndScore(string law)
    {
        string data = CliRunner.DataPath("mixinglaws", "RedPajama");
        string fitFile = Path.Combine(CliRunner.TempDir(), "fits.json");
        var fit = CliRunner.Run("fit", "--data", data, "--law", law, "--derive", "D=tokens", "--target", "loss_P*",
            "--where", "N < 5e8 && (step == 10000 || step == 20000 || step == 30000)", "--normalize-weights", "--no-scale-holdout",
            "--allow-unconverged", "--format", "json", "-o", fitFile);
        Assert.True(fit.ExitCode == 0, fit.Error);
        var objectives = new Dictionary<string, double>();
        using (var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(fitFile)))
            foreach (var f in document.RootElement.GetProperty("fits").EnumerateArray())
            {
                string name = f.GetProperty("target").GetString()!;
                string? reason = f.GetProperty("covariance").GetProperty("unavailable").GetString();
                objectives[name] = f.GetProperty("objective").GetDouble();
                output.WriteLine($"{law} {name}: objective {objectives[name]:G9}, covariance {reason ?? "available"}");
                if (reason is not null) Assert.Matches(@"'\w+'.* are not separately identifiable", reason);
            }
        var predicted = CliRunner.Run("predict", "--fit", fitFile, "--data", data, "--derive", "D=tokens", "--where", "N > 5e8",
            "--normalize-weights", "--format", "csv");
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        var lines = predicted.Out.TrimEnd().Split('\n');
        var header = lines[0].Split(',');
        int target = Array.IndexOf(header, "target"), prediction = Array.IndexOf(header, "prediction"), observed = Array.IndexOf(header, "observed");
        var scores = new Dictionary<string, (double Objective, double Mre)>();
        foreach (var domain in lines.Skip(1).Select(l => l.Split(',')).GroupBy(f => f[target]))
        {
            var errors = domain.Select(f => Math.Abs(double.Parse(f[prediction], CultureInfo.InvariantCulture) / double.Parse(f[observed], CultureInfo.InvariantCulture) - 1)).ToList();
            output.WriteLine($"{law} {domain.Key}: {errors.Count} rows at 1B, MRE {100 * errors.Average():F2} %");
            Assert.Equal(30, errors.Count);
            Assert.True(errors.Average() < 0.03, $"{law} {domain.Key}: MRE {errors.Average():P2} at 1B");
            scores[domain.Key] = (objectives[domain.Key], errors.Average());
        }
        Assert.True(scores.Values.Average(s => s.Mre) < 0.02, $"{law}: mean MRE {scores.Values.Average(s => s.Mre):P2} at 1B");
        return scores;
    }
}
