using System.Globalization;
using System.Text;
using System.Text.Json;
using ScalingLaws.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// Predictions at the next scale through the CLI: the data-mixing law on RegMix joined as a user would, the
/// scale hold-out in <c>fit</c> and <c>compare</c>, and <c>predict</c>'s intervals on a simulated log.
/// </summary>
public class ExtrapolationCommandTests(ITestOutputHelper output)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Joins a RegMix mixture file and its loss file on <c>index</c>, naming columns w_&lt;domain&gt; and loss_&lt;domain&gt;.</summary>
    private static string JoinRegMix(string mixture, string losses, string name)
    {
        static (string[] Header, Dictionary<string, string[]> Rows) Read(string path)
        {
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
            return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1..]));
        }
        var (mixHeader, mixRows) = Read(CliRunner.DataPath("regmix", mixture));
        var (lossHeader, lossRows) = Read(CliRunner.DataPath("regmix", losses));
        var header = new List<string> { "index" };
        header.AddRange(mixHeader.Skip(1).Select(c => "w_" + c.Replace("train_the_pile_", "")));
        header.AddRange(lossHeader.Skip(1).Select(c => "loss_" + c.Replace("metric/the_pile_", "").Replace("_val_loss", "")));
        var sb = new StringBuilder(string.Join(",", header) + "\n");
        foreach (var (index, weights) in mixRows)
            if (lossRows.TryGetValue(index, out var loss)) sb.Append(index).Append(',').AppendJoin(',', weights).Append(',').AppendJoin(',', loss).Append('\n');
        return CliRunner.WriteTemp(name, sb.ToString());
    }

    private static double[] Predictions(JsonElement json) =>
        [.. json.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("prediction").GetDouble())];

    [Fact]
    public void RegMixThroughTheCliRanksTheRawTestFileWithBoundedParameters()
    {
        string train = JoinRegMix("train_mixture_1m.csv", "train_pile_loss_1m.csv", "regmix-train.csv");
        string test = JoinRegMix("test_mixture_1m.csv", "test_pile_loss_1m.csv", "regmix-test.csv");
        string fitFile = Path.Combine(Path.GetDirectoryName(train)!, "regmix-fit.json");
        var fit = CliRunner.Run("fit", "--data", train, "--law", "data-mixing", "--weights", "w_*", "--normalize-weights",
            "--target", "loss_pile_cc", "--format", "json", "-o", fitFile);
        Assert.True(fit.ExitCode == 0, fit.Error);
        var saved = JsonDocument.Parse(File.ReadAllText(fitFile)).RootElement;
        foreach (var p in saved.GetProperty("parameters").EnumerateArray())
            Assert.InRange(p.GetProperty("value").GetDouble(), -50, 50);
        Assert.True(saved.GetProperty("covariance").TryGetProperty("matrix", out _), saved.GetProperty("covariance").ToString());

        var predicted = CliRunner.Run("predict", "--fit", fitFile, "--data", test, "--format", "json");
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        var rows = predicted.Json.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(256, rows.Count);
        double rho = Metrics.SpearmanRho([.. rows.Select(r => r.GetProperty("observed").GetDouble())], [.. rows.Select(r => r.GetProperty("prediction").GetDouble())]);
        output.WriteLine($"Pile-CC Spearman ρ on the raw test file: {rho:F4}");
        Assert.True(rho >= 0.96, $"ρ {rho:F4} < 0.96");

        // Weights scaled by 1 ± 0.003 (as rounding leaves them) are renormalised, so predictions do not move.
        var lines = File.ReadAllLines(test);
        var header = lines[0].Split(',');
        foreach (double factor in new[] { 1.003, 0.997 })
        {
            var scaled = new StringBuilder(lines[0] + "\n");
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var f = line.Split(',');
                for (int j = 0; j < f.Length; j++)
                    if (header[j].StartsWith("w_", StringComparison.Ordinal)) f[j] = (double.Parse(f[j], Inv) * factor).ToString("R", Inv);
                scaled.Append(string.Join(",", f)).Append('\n');
            }
            string scaledFile = CliRunner.WriteTemp($"regmix-test-{factor.ToString(Inv)}.csv", scaled.ToString());
            var again = CliRunner.Run("predict", "--fit", fitFile, "--data", scaledFile, "--format", "json");
            Assert.True(again.ExitCode == 0, again.Error);
            var a = Predictions(predicted.Json);
            var b = Predictions(again.Json);
            for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 1e-9 * Math.Abs(a[i]), $"row {i + 1}: {a[i]} vs {b[i]}");
        }
    }

    [Fact]
    public void AFitThatDidNotNormaliseRefusesWeightsThatDoNotSumToOne()
    {
        string runs = CliRunner.WriteTemp("mix-ok.csv", "h_a,h_b,h_c,loss\n0.5,0.3,0.2,3\n0.7,0.2,0.1,3.1\n0.2,0.3,0.5,2.9\n0.4,0.4,0.2,3\n0.1,0.6,0.3,2.95\n0.3,0.1,0.6,2.97\n");
        string fitFile = Path.Combine(Path.GetDirectoryName(runs)!, "mix-fit.json");
        var fit = CliRunner.Run("fit", "--data", runs, "--law", "data-mixing", "--weights", "h_a,h_b,h_c", "--format", "json", "-o", fitFile, "--allow-unconverged");
        Assert.True(fit.ExitCode == 0, fit.Error);
        string off = CliRunner.WriteTemp("mix-off.csv", "h_a,h_b,h_c\n0.5,0.3,0.2\n0.5,0.3,0.25\n");
        var r = CliRunner.Run("predict", "--fit", fitFile, "--data", off);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("mix-off.csv:3", r.Error);
        Assert.Contains("sum to 1.05", r.Error);
    }

    [Fact]
    public void AnAbsentDomainIsRefusedBeforeFittingWithItsColumnNamed()
    {
        string runs = CliRunner.WriteTemp("mix-absent.csv", "h_a,h_b,h_c,loss\n0.5,0.5,0,3\n0.7,0.3,0,3.1\n0.2,0.8,0,2.9\n0.4,0.6,0,3\n0.1,0.9,0,2.95\n");
        var r = CliRunner.Run("fit", "--data", runs, "--law", "data-mixing", "--weights", "h_a,h_b,h_c");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("'h_c' is 0 in every run", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void FitReportsTheScaleHoldOutNextToTheInSampleErrorInEveryFormat()
    {
        string epoch = CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");
        string[] args = ["fit", "--data", epoch, "--law", "chinchilla", "--drop-highest", "5"];
        var table = CliRunner.Run(args);
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("In-sample MRE:", table.Out);
        Assert.Contains("Scale hold-out (refit without N = 1.618E+10", table.Out);

        var json = CliRunner.Run([.. args, "--format", "json"]);
        var scale = json.Json.GetProperty("scaleHoldOut");
        Assert.Equal("N", scale.GetProperty("variable").GetString());
        Assert.Equal(1.618e10, scale.GetProperty("heldOutValue").GetDouble(), 1e7);
        double mre = scale.GetProperty("mre").GetDouble();
        var heldOut = scale.GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(heldOut);
        double recomputed = heldOut.Average(r => Math.Abs(r.GetProperty("predicted").GetDouble() - r.GetProperty("observed").GetDouble()) / Math.Abs(r.GetProperty("observed").GetDouble()));
        Assert.Equal(recomputed, mre, 12);
        Assert.True(json.Json.GetProperty("inSampleMre").GetDouble() > 0);

        var csv = CliRunner.Run([.. args, "--format", "csv"]);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int column = Array.IndexOf(lines[0].Split(','), "scale_holdout_mre");
        Assert.True(column > 0, lines[0]);
        Assert.Equal(mre, double.Parse(lines[1].Split(',')[column], Inv), 12);

        var skipped = CliRunner.Run([.. args, "--format", "json", "--no-scale-holdout"]);
        Assert.Contains("--no-scale-holdout", skipped.Json.GetProperty("scaleHoldOut").GetProperty("unavailable").GetString());
    }

    [Fact]
    public void CompareRanksByTheScaleHoldOut()
    {
        string epoch = CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");
        var r = CliRunner.Run("compare", "--data", epoch, "--drop-highest", "5", "--laws", "chinchilla,kaplan", "--rank-by", "scale-holdout", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal("HeldOutError", r.Json.GetProperty("rankedBy").GetString());
        // The score is the held-out MAE of fit's own scale hold-out (the same refit from the fit's optima).
        var fit = CliRunner.Run("fit", "--data", epoch, "--drop-highest", "5", "--law", "chinchilla", "--format", "json");
        Assert.True(fit.ExitCode == 0, fit.Error);
        var chinchilla = r.Json.GetProperty("laws").EnumerateArray().Single(l => l.GetProperty("law").GetString() == "chinchilla");
        Assert.Equal(fit.Json.GetProperty("scaleHoldOut").GetProperty("mae").GetDouble(), chinchilla.GetProperty("score").GetDouble());
        var bad = CliRunner.Run("compare", "--data", epoch, "--laws", "chinchilla", "--rank-by", "scale-holdout", "--hold-out-largest", "N");
        Assert.Equal(1, bad.ExitCode);
    }

    /// <summary>
    /// A simulated Chinchilla log (Epoch's fitted parameters, 0.5 % noise, 4 model sizes 0.1–1.2B, 12 token counts
    /// per size), fitted without the largest size; predict's 90 % intervals at the largest size are checked against
    /// the held-out runs over 4 seeds (48 runs).
    /// </summary>
    [Fact]
    public void PredictIntervalsCoverTheHeldOutLargestSize()
    {
        var design = new StringBuilder("N,D\n");
        foreach (double n in new[] { 1e8, 3e8, 6e8, 1.2e9 })
            for (int k = 0; k < 12; k++) design.Append(n.ToString("R", Inv)).Append(',').Append((n * 10 * Math.Pow(2, k / 2.0)).ToString("R", Inv)).Append('\n');
        string designFile = CliRunner.WriteTemp("coverage-design.csv", design.ToString());
        string dir = Path.GetDirectoryName(designFile)!;
        int inside = 0, total = 0;
        for (int seed = 1; seed <= 4; seed++)
        {
            string runs = Path.Combine(dir, $"coverage-runs-{seed}.csv");
            var sim = CliRunner.Run("simulate", "--law", "chinchilla", "--params", "a=6.17,b=7.67,e=0.597,alpha=0.347,beta=0.367",
                "--design", designFile, "--noise", "0.005", "--seed", seed.ToString(Inv), "--out", runs);
            Assert.True(sim.ExitCode == 0, sim.Error);
            string fitFile = Path.Combine(dir, $"coverage-fit-{seed}.json");
            var fit = CliRunner.Run("fit", "--data", runs, "--law", "chinchilla", "--where", "N < 1e9", "--format", "json", "-o", fitFile);
            Assert.True(fit.ExitCode == 0, fit.Error);
            var predicted = CliRunner.Run("predict", "--fit", fitFile, "--data", runs, "--confidence", "0.9", "--format", "json");
            Assert.True(predicted.ExitCode == 0, predicted.Error);
            foreach (var p in predicted.Json.GetProperty("predictions").EnumerateArray())
            {
                if (p.GetProperty("at").GetProperty("N").GetDouble() < 1e9) continue;
                var interval = p.GetProperty("interval");
                Assert.Equal("delta", interval.GetProperty("method").GetString());
                double lo = interval.GetProperty("lower").GetDouble(), hi = interval.GetProperty("upper").GetDouble(), y = p.GetProperty("observed").GetDouble();
                Assert.True(lo < p.GetProperty("prediction").GetDouble() && p.GetProperty("prediction").GetDouble() < hi);
                total++;
                if (lo <= y && y <= hi) inside++;
            }
        }
        double coverage = (double)inside / total;
        output.WriteLine($"90 % delta-method intervals cover {inside} of {total} held-out runs at the largest size ({100 * coverage:F1} %)");
        Assert.Equal(48, total);
        Assert.InRange(coverage, 0.75, 1.0);
    }

    /// <summary>
    /// A simulated 7-domain additive-law log (realistic parameters, 0.5 % noise, 40 mixtures drawn from a flat
    /// Dirichlet, 4 model sizes 0.1–1.2B, 3 token counts per run: 480 runs) fitted without the 1.2B runs with 16
    /// quasi-random starts; predict's 90 % intervals are checked against the 120 held-out runs.
    /// </summary>
    [Fact]
    public void PredictIntervalsCoverTheHeldOutLargestSizeOfASevenDomainAdditiveLog()
    {
        string runs = SevenDomainLog.Simulate("mixture-additive",
            "E=1.5,A=400,alpha=0.34,B=1000,beta=0.3,C_web=2,C_code=1.5,C_books=1,C_wiki=1.2,C_math=0.8,C_arxiv=1,C_forum=0.6," +
            "gamma_web=0.4,gamma_code=0.3,gamma_books=0.5,gamma_wiki=0.35,gamma_math=0.25,gamma_arxiv=0.45,gamma_forum=0.3");
        var (inside, total, relativeError) = SevenDomainLog.HeldOutLargestSize("mixture-additive", runs, 0.9, "--starts", "16");
        double coverage = (double)inside / total;
        output.WriteLine($"90 % delta-method intervals cover {inside} of {total} held-out 1.2B runs ({100 * coverage:F1} %); hold-out MRE {100 * relativeError:F2} %");
        Assert.Equal(120, total);
        Assert.InRange(coverage, 0.8, 1.0);
    }
}
