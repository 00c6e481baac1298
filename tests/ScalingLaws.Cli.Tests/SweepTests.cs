using System.Text.Json;
using System.Text.RegularExpressions;
using ScalingLaws.Cli.Sweep;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// <c>scaling-laws sweep</c> through the command line on the bundled RegMix runs: jobs give the same bytes as the
/// single commands, for any <c>--jobs</c> and any sharding; a sweep stopped half-way resumes with the remaining
/// jobs only; a bad job fails with the single command's message while the others complete.
/// </summary>
public class SweepTests
{
    private static readonly string RegMix = CliRunner.DataPath("regmix", "train_mixture_1m.csv");

    /// <summary>The 13 validation domains of RegMix's 1M runs.</summary>
    private static readonly string[] Domains =
    [
        "loss_arxiv", "loss_freelaw", "loss_pubmed_central", "loss_wikipedia_en", "loss_dm_mathematics", "loss_github",
        "loss_stackexchange", "loss_gutenberg_pg_19", "loss_pile_cc", "loss_ubuntu_irc", "loss_hackernews",
        "loss_pubmed_abstracts", "loss_uspto_backgrounds",
    ];

    private static readonly string[] Formulas = ["c + k*w_pile_cc", "c + k*exp(t*w_github)"];

    private static string Plan(IEnumerable<string> targets, bool predict = false, string? data = null)
    {
        var jobs = new List<object>
        {
            new { name = "fit", command = "fit", options = new { data = data ?? RegMix, target = "{target}", formula = "{formula}", format = "json" }, outputs = new { output = "fit.json" } },
        };
        if (predict)
            jobs.Add(new { name = "predict", command = "predict", options = new { fit = "{fit.output}", at = new[] { "w_pile_cc=0.2,w_github=0.1" }, format = "json" }, outputs = new { output = "predictions.json" } });
        return JsonSerializer.Serialize(new { axes = new { target = targets.ToArray(), formula = Formulas }, jobs });
    }

    private static string WritePlan(string json) => CliRunner.WriteTemp("plan.json", json);

    /// <summary>The index without its timing fields.</summary>
    private static string Index(string folder, string name = "sweep") =>
        Regex.Replace(File.ReadAllText(Path.Combine(folder, name + ".json")), "\"elapsedMs\": \\d+", "\"elapsedMs\": 0");

    private static string WithoutTiming(string json) => Regex.Replace(json, "\"elapsedMs\": [0-9.eE+-]+", "\"elapsedMs\": 0");

    [Fact]
    public void RegMixSweepMatchesSeparateFitsByteForByte()
    {
        string folder = CliRunner.TempDir();
        var result = CliRunner.Run("sweep", WritePlan(Plan(Domains)), "--out", folder, "--jobs", "4");
        Assert.True(result.ExitCode == 0, result.Error);
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json")));
        var rows = index.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(26, rows.Count);
        int checkedFits = 0;
        foreach (var target in Domains)
            foreach (var formula in Formulas)
            {
                var row = rows.Single(r => r.GetProperty("id").GetString() == $"fit[target={target},formula={formula}]");
                Assert.Equal("ok", row.GetProperty("status").GetString());
                string own = Path.Combine(CliRunner.TempDir(), "fit.json");
                var single = CliRunner.Run("fit", "--data", RegMix, "--target", target, "--formula", formula, "--format", "json", "--output", own);
                Assert.Equal(0, single.ExitCode);
                string swept = Path.Combine(folder, row.GetProperty("outputs")[0].GetString()!);
                Assert.Equal(WithoutTiming(File.ReadAllText(own)), WithoutTiming(File.ReadAllText(swept)));
                using var fit = JsonDocument.Parse(File.ReadAllText(own));
                Assert.Equal(fit.RootElement.GetProperty("objective").GetDouble(), row.GetProperty("objective").GetDouble());
                Assert.StartsWith("c=", row.GetProperty("parameters").GetString());
                checkedFits++;
            }
        Assert.Equal(26, checkedFits);
        Assert.Contains("fit[target=loss_arxiv,formula=c + k*w_pile_cc]", File.ReadAllText(Path.Combine(folder, "sweep.csv")));
    }

    [Fact]
    public void JobsOneAndFourGiveTheSameIndexAndOutputs()
    {
        string plan = WritePlan(Plan(Domains[..3], predict: true));
        string one = CliRunner.TempDir(), four = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("sweep", plan, "--out", one, "--jobs", "1").ExitCode);
        Assert.Equal(0, CliRunner.Run("sweep", plan, "--out", four, "--jobs", "4").ExitCode);
        Assert.Equal(Index(one), Index(four));
        Assert.Equal(File.ReadAllText(Path.Combine(one, "sweep.csv")).Split('\n').Select(StripElapsed), File.ReadAllText(Path.Combine(four, "sweep.csv")).Split('\n').Select(StripElapsed));
        foreach (var file in Directory.EnumerateFiles(one, "*.*", SearchOption.AllDirectories).Where(f => !f.EndsWith("job.json") && f.Contains("/jobs/")))
            Assert.Equal(WithoutTiming(File.ReadAllText(file)), WithoutTiming(File.ReadAllText(Path.Combine(four, Path.GetRelativePath(one, file)))));
    }

    private static string StripElapsed(string line) => line.Contains(',') ? line[..line.LastIndexOf(',')] : line;

    [Fact]
    public void ShardsMergedEqualTheWholeSweep()
    {
        string plan = WritePlan(Plan(Domains[..4], predict: true));
        string whole = CliRunner.TempDir(), sharded = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("sweep", plan, "--out", whole, "--jobs", "2").ExitCode);
        var counts = new List<int>();
        for (int i = 1; i <= 3; i++)
        {
            var shard = CliRunner.Run("sweep", plan, "--out", sharded, "--shard", $"{i}/3", "--jobs", "2");
            Assert.True(shard.ExitCode == 0, shard.Error);
            using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(sharded, $"sweep-{i}-of-3.json")));
            counts.Add(index.RootElement.GetProperty("jobs").GetInt32());
            Assert.All(index.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.False(r.GetProperty("reused").GetBoolean()));
        }
        Assert.Equal(16, counts.Sum());
        Assert.True(counts.Count(c => c > 0) >= 2, "the jobs should spread over the shards: " + string.Join(",", counts));
        var merge = CliRunner.Run("sweep", "merge", sharded);
        Assert.True(merge.ExitCode == 0, merge.Error);
        Assert.Equal(Index(whole), Index(sharded));
    }

    [Fact]
    public void SweepStoppedHalfWayRunsOnlyTheRemainingJobs()
    {
        string planPath = WritePlan(Plan(Domains[..4]));
        string folder = CliRunner.TempDir();
        var jobs = SweepExpander.Expand(SweepPlanReader.Read(planPath));
        using var stop = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SweepRunner.Run(jobs, folder, null, 1, (done, _) => { if (done == 3) stop.Cancel(); }, stop.Token));
        var written = Directory.EnumerateFiles(folder, "fit.json", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.Equal(3, written.Count);
        var again = CliRunner.Run("sweep", planPath, "--out", folder, "--jobs", "2");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("8 jobs: 8 ok (3 reused), 0 failed", again.Error);
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json")));
        var reused = index.RootElement.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("reused").GetBoolean())
            .Select(r => Path.Combine(folder, r.GetProperty("outputs")[0].GetString()!)).ToHashSet();
        Assert.Equal(written.Keys.ToHashSet(), reused);
        foreach (var (file, time) in written) Assert.Equal(time, File.GetLastWriteTimeUtc(file));
        var third = CliRunner.Run("sweep", planPath, "--out", folder);
        Assert.Contains("8 jobs: 8 ok (8 reused), 0 failed", third.Error);
    }

    [Fact]
    public void ChangedInputRunsTheJobAgain()
    {
        string copy = CliRunner.TempDir();
        foreach (var name in new[] { "train_mixture_1m.csv", "train_pile_loss_1m.csv" }) File.Copy(CliRunner.DataPath("regmix", name), Path.Combine(copy, name));
        string data = Path.Combine(copy, "train_mixture_1m.csv");
        string planPath = WritePlan(Plan(Domains[..1], data: data));
        string folder = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("sweep", planPath, "--out", folder).ExitCode);
        File.SetLastWriteTimeUtc(data, DateTime.UtcNow.AddMinutes(1));
        Assert.Contains("2 ok (2 reused)", CliRunner.Run("sweep", planPath, "--out", folder).Error);
        File.AppendAllText(data, "\n");
        Assert.Contains("2 ok (0 reused)", CliRunner.Run("sweep", planPath, "--out", folder).Error);
    }

    [Fact]
    public void BadJobsFailWithTheSingleCommandsMessageAndTheOthersComplete()
    {
        string json = JsonSerializer.Serialize(new
        {
            axes = new { target = new[] { "loss_arxiv", "loss_nope" }, formula = new[] { "c + k*w_pile_cc", "c + k*expp(w_github)" } },
            jobs = new object[] { new { name = "fit", command = "fit", options = new { data = RegMix, target = "{target}", formula = "{formula}", format = "json" }, outputs = new { output = "fit.json" } } },
        });
        string folder = CliRunner.TempDir();
        var result = CliRunner.Run("sweep", WritePlan(json), "--out", folder, "--jobs", "2");
        Assert.Equal(1, result.ExitCode);
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json")));
        var rows = index.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["ok", "failed", "failed", "failed"], rows.Select(r => r.GetProperty("status").GetString()));
        foreach (var row in rows.Skip(1))
        {
            string id = row.GetProperty("id").GetString()!;
            var m = Regex.Match(id, @"target=(.*),formula=(.*)\]");
            var single = CliRunner.Run("fit", "--data", RegMix, "--target", m.Groups[1].Value, "--formula", m.Groups[2].Value, "--format", "json", "--output", Path.Combine(CliRunner.TempDir(), "f.json"));
            Assert.Equal(1, single.ExitCode);
            Assert.Equal(single.Error.Trim(), row.GetProperty("message").GetString());
            Assert.StartsWith("error: ", row.GetProperty("message").GetString());
        }
        Assert.Contains("unknown function 'expp'", rows[1].GetProperty("message").GetString());
        Assert.Contains("loss_nope", rows[2].GetProperty("message").GetString());
    }

    [Fact]
    public void YamlPlanGivesTheSameJobsAsJson()
    {
        string yaml = $$"""
            # the same plan as JSON
            axes:
              target: [loss_arxiv, loss_github]
              formula: ["c + k*w_pile_cc", "c + k*exp(t*w_github)"]
            jobs:
              - name: fit
                command: fit
                options:
                  data: {{RegMix}}
                  target: "{target}"
                  formula: "{formula}"
                  format: json
                outputs:
                  output: fit.json
            """;
        var fromYaml = SweepExpander.Expand(SweepPlanReader.Read(CliRunner.WriteTemp("plan.yaml", yaml)));
        var fromJson = SweepExpander.Expand(SweepPlanReader.Read(WritePlan(Plan(["loss_arxiv", "loss_github"]))));
        Assert.Equal(fromJson.Select(j => (j.Id, j.Folder, string.Join(" ", j.Arguments))), fromYaml.Select(j => (j.Id, j.Folder, string.Join(" ", j.Arguments))));
    }

    [Theory]
    [InlineData("plan.yaml", "axes:\n  target: a\n   b: c\n", "plan.yaml:3:5: While scanning a plain scalar value, found invalid mapping")]
    [InlineData("plan.yaml", "axes:\n  target: [a, b\njobs: []\n", "plan.yaml: malformed YAML")]
    [InlineData("plan.json", "{\"axes\": {\"target\": [\"a\"]},\n \"jobs\": [}", "plan.json:2:")]
    [InlineData("plan.yaml", "axes:\n  target: [a]\njobs:\n  - name: fit\n    command: fit\n    options: {target: \"{targt}\"}\n", "jobs[0].options.target: '{targt}' is not an axis; axes: target")]
    [InlineData("plan.yaml", "jobs:\n  - name: report\n    command: report\n    options: {fit: \"{fit.output}\"}\n", "'{fit.output}' does not name an earlier job")]
    [InlineData("plan.yaml", "jobs:\n  - name: fit\n    command: fit\n    optoins: {}\n", "unknown member 'jobs[0].optoins'")]
    public void BadPlansAreNamedWithTheirPlace(string name, string text, string expected)
    {
        var result = CliRunner.Run("sweep", CliRunner.WriteTemp(name, text), "--out", CliRunner.TempDir());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("x")]
    public void BadShardIsRejected(string shard)
    {
        var result = CliRunner.Run("sweep", WritePlan(Plan(Domains[..1])), "--out", CliRunner.TempDir(), "--shard", shard);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Option '--shard'", result.Error);
    }
}
