using System.Text.Json.Nodes;
using Json.Schema;
using ScalingLaws.Serialization;
using Xunit;
using static ScalingLaws.Cli.Tests.CptFixtures;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// Every JSON document the CLI writes, as users produce it (the real commands on the bundled data): it validates against its
/// schema in docs/schema/, its one reader and one writer give back the same bytes, and a document of another schema version
/// is refused naming both versions (exit 1 where the CLI reads that kind).
/// </summary>
public class DocumentSchemaTests
{
    private static string Epoch => CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");

    private static string Mixing70M => CliRunner.DataPath("mixinglaws", "5Mix", "70M.txt");

    private const string Step30k = "step == 30000 && reference_run == 0";

    private static readonly string Budget = $"N={Text(ModelSize)},D={Text(Tokens)}";

    /// <summary>The one reader and writer of each kind, composed: the text written after reading <c>text</c>.</summary>
    private static readonly Dictionary<string, Func<string, string, string>> ReadThenWrite = new()
    {
        ["predictions"] = (t, s) => PredictionJson.Write(PredictionJson.Read(t, s)),
        ["comparison"] = (t, s) => ComparisonJson.Write(ComparisonJson.Read(t, s)),
        ["validation"] = (t, s) => ValidationJson.Write(ValidationJson.Read(t, s)),
        ["cross-validation"] = (t, s) => ValidationJson.WriteCrossValidation(ValidationJson.ReadCrossValidation(t, s)),
        ["laws"] = (t, s) => LawCatalogJson.Write(LawCatalogJson.Read(t, s)),
        ["mixture-plan"] = (t, s) => MixturePlanJson.Write(MixturePlanJson.Read(t, s)),
        ["allocation"] = (t, s) => MixturePlanJson.WriteAllocation(MixturePlanJson.ReadAllocation(t, s)),
        ["frontier"] = (t, s) => MixturePlanJson.WriteFrontier(MixturePlanJson.ReadFrontier(t, s)),
        ["cpt-choice"] = (t, s) => ContinualPretrainingJson.WriteChoice(ContinualPretrainingJson.ReadChoice(t, s)),
        ["critical-mixture-ratio"] = (t, s) => ContinualPretrainingJson.WriteCriticalRatio(ContinualPretrainingJson.ReadCriticalRatio(t, s)),
        ["critical-ratio-curve"] = (t, s) => ContinualPretrainingJson.WriteCriticalRatioCurve(ContinualPretrainingJson.ReadCriticalRatioCurve(t, s)),
        ["pareto-front"] = (t, s) => ContinualPretrainingJson.WriteParetoFront(ContinualPretrainingJson.ReadParetoFront(t, s)),
        ["run-plan"] = (t, s) => DesignJson.Write(DesignJson.ReadRunPlan(t, s)),
        ["next-runs"] = (t, s) => DesignJson.Write(DesignJson.ReadNextRuns(t, s)),
        ["design-simulation"] = (t, s) => DesignJson.Write(DesignJson.ReadSimulation(t, s)),
        ["nested-prediction"] = (t, s) => NestedJson.Write(NestedJson.Read(t, s)),
        ["sweep"] = (t, s) => SweepIndexJson.Write(SweepIndexJson.Read(t, s)),
        ["sweep-job"] = (t, s) => SweepJobJson.Write(SweepJobJson.Read(t, s)),
    };

    /// <summary>Each way the CLI writes a document: a name, the kind it writes, and how to run it (returns the file written).</summary>
    public static TheoryData<string> Cases => [.. Commands.Keys];

    private static readonly Dictionary<string, (string Kind, Func<string> Run)> Commands = new()
    {
        ["predict --at"] = ("predictions", () => Stdout("predict", "--fit", ChinchillaFit(), "--at", "N=70B,D=1.4T", "--at", "N=1B,D=20B", "--format", "json")),
        ["predict --data"] = ("predictions", () => Stdout("predict", "--fit", ChinchillaFit(), "--data", Epoch, "--format", "json")),
        ["compare"] = ("comparison", () => Stdout("compare", "--data", Epoch, "--drop-highest", "5", "--laws", "chinchilla,kaplan", "--hold-out-largest", "N", "--format", "json")),
        ["validate --hold-out-largest"] = ("validation", () => Stdout("validate", "--data", Epoch, "--law", "chinchilla", "--hold-out-largest", "N", "--format", "json")),
        ["validate --folds"] = ("cross-validation", () => Stdout("validate", "--data", Epoch, "--law", "chinchilla", "--drop-highest", "5", "--folds", "3", "--seed", "1", "--format", "json")),
        ["laws"] = ("laws", () => Stdout("laws", "--format", "json")),
        ["laws NAME"] = ("laws", () => Stdout("laws", "data-mixing", "--format", "json")),
        ["optimize mixture"] = ("mixture-plan", () => Stdout("optimize", "--fit", MixingFits(), "--objective", "sum", "--upper", "h_academic=0.3", "--baseline", "uniform", "--format", "json")),
        ["optimize mixture --bootstrap"] = ("mixture-plan", () => Stdout("optimize", "--fit", MixingFits(), "--objective", "sum", "--budget", "D=1e10", "--available", "h_academic=1e9",
            "--bootstrap", "4", "--data", Mixing70M, "--where", Step30k, "--format", "json")),
        ["optimize --budget C"] = ("allocation", () => Stdout("optimize", "--fit", ChinchillaFit(), "--budget", "C=1e21", "--format", "json")),
        ["optimize --frontier"] = ("frontier", () => Stdout("optimize", "--fit", ChinchillaFit(), "--frontier", "1e19:1e25:4", "--format", "json")),
        ["optimize --nested"] = ("mixture-plan", () => Stdout("optimize", "--nested", "--data", CliRunner.DataPath("mixinglaws", "RedPajama"), "--target", "loss_Github",
            "--target-scale", "size=1B,step=100k", "--normalize-weights", "--format", "json")),
        ["predict --nested"] = ("nested-prediction", () => Stdout("predict", "--nested", "--data", CliRunner.DataPath("mixinglaws", "RedPajama"), "--target", "loss_Github", "--target-scale", "size=1B,step=100k", "--normalize-weights", "--format", "json")),
        ["cpt trade-off"] = ("cpt-choice", () => Stdout("cpt", "--domain-fit", Cpt().Domain, "--general-fit", Cpt().General, "--budget", Budget, "--tolerance", $"{Text(PreTrainingGeneralLoss)}:+3%", "--format", "json")),
        ["cpt --domain-tokens"] = ("cpt-choice", () => Stdout("cpt", "--domain-fit", Cpt().Domain, "--budget", $"N={Text(ModelSize)}", "--domain-tokens", "2e9", "--format", "json")),
        ["cpt --compute"] = ("allocation", () => Stdout("cpt", "--domain-fit", Cpt().Domain, "--compute", "1e21", "--share", "0.3", "--format", "json")),
        ["cpt --cmr"] = ("critical-mixture-ratio", () => Stdout("cpt", "--general-fit", Cpt().General, "--budget", Budget, "--tolerance", $"{Text(PreTrainingGeneralLoss)}:+0.05", "--cmr", "--format", "json")),
        ["cpt --tokens-range"] = ("critical-ratio-curve", () => Stdout("cpt", "--general-fit", Cpt().General, "--budget", $"N={Text(ModelSize)}", "--tolerance", $"{Text(PreTrainingGeneralLoss)}:+0.05",
            "--tokens-range", "1e9:1e11:3", "--format", "json")),
        ["cpt --pareto"] = ("pareto-front", () => Stdout("cpt", "--domain-fit", Cpt().Domain, "--general-fit", Cpt().General, "--budget", Budget, "--pareto", "11", "--format", "json")),
        ["design"] = ("run-plan", () => Stdout("design", "--swarm", "5", "--domains", "h_a,h_b,h_c", "--sizes", "20M,60M", "--compute", "1e18", "--seed", "4", "--format", "json")),
        ["design --next"] = ("next-runs", () => Stdout("design", "--next", "2", "--fit", ChinchillaFit(), "--data", Epoch, "--target", "C=1e23",
            "--sizes", "10M,100M,1B", "--ratios", "5,20,80", "--bootstrap", "10", "--format", "json")),
        ["design --simulate"] = ("design-simulation", () => Stdout("design", "--simulate", "2", "--law", "chinchilla", "--params", "a=6.0073,b=6.0178,e=0.5247,alpha=0.34,beta=0.28",
            "--sizes", "10M,100M,1B", "--ratios", "5,20,80", "--target", "C=1e23", "--initial", "6", "--add", "1", "--bootstrap", "8", "--error", "0.25", "--format", "json")),
        ["sweep index"] = ("sweep", () => Path.Combine(Sweep(), "sweep.json")),
        ["sweep job record"] = ("sweep-job", () => Directory.GetFiles(Sweep(), "job.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First()),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryDocumentTheCliWritesValidatesAgainstItsSchemaAndRoundTripsByteForByte(string command)
    {
        var (kind, run) = Commands[command];
        string path = run();
        string text = File.ReadAllText(path);
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", kind + ".schema.json"));
        var result = schema.Evaluate(JsonNode.Parse(text), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal(kind, JsonNode.Parse(text)!["kind"]!.GetValue<string>());
        Assert.Equal(text, ReadThenWrite[kind](text, path) + "\n");
    }

    [Fact]
    public void EveryKindTheCliWritesHasACaseAndASchema()
    {
        var kinds = Commands.Values.Select(c => c.Kind).ToHashSet();
        Assert.Equal(ReadThenWrite.Keys.Order(), kinds.Order());
        foreach (var kind in kinds) Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "schema", kind + ".schema.json")), kind);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryReaderRefusesAnotherSchemaVersionNamingBoth(string kind)
    {
        var node = new JsonObject { ["schemaVersion"] = 2, ["kind"] = kind };
        string path = CliRunner.WriteTemp(kind + ".json", node.ToJsonString());
        var e = Assert.Throws<FormatException>(() => ReadThenWrite[kind](File.ReadAllText(path), path));
        Assert.Contains(path, e.Message);
        Assert.Contains("schemaVersion 2 is not supported", e.Message);
        Assert.Contains("reads schemaVersion 1", e.Message);
        var other = Assert.Throws<FormatException>(() => ReadThenWrite[kind]("{\"schemaVersion\": 1, \"kind\": \"something-else\"}", path));
        Assert.Contains($"expected kind \"{kind}\"", other.Message);
        var empty = Assert.Throws<FormatException>(() => ReadThenWrite[kind]($"{{\"schemaVersion\": 1, \"kind\": \"{kind}\"}}", path));
        Assert.StartsWith($"{path}: malformed {kind} document", empty.Message);
    }

    public static TheoryData<string> Kinds => [.. ReadThenWrite.Keys];

    [Fact]
    public void APlanOfAnotherSchemaVersionIsRefusedByTheCliNamingBothVersions()
    {
        string plan = Stdout("optimize", "--fit", MixingFits(), "--objective", "sum", "--format", "json");
        var node = JsonNode.Parse(File.ReadAllText(plan))!;
        node["schemaVersion"] = 2;
        string path = CliRunner.WriteTemp("plan-v2.json", node.ToJsonString());
        var r = CliRunner.Run("plot", "--plan", path, "--kind", "weights", "--out", Path.Combine(CliRunner.TempDir(), "w.png"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(path, r.Error);
        Assert.Contains("schemaVersion 2 is not supported; this version of ScalingLaws reads schemaVersion 1", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Fact]
    public void ASweepIndexOfAnotherSchemaVersionIsRefusedByTheCliNamingBothVersions()
    {
        string folder = CliRunner.TempDir();
        string index = Path.Combine(folder, "sweep-1-of-1.json");
        File.WriteAllText(index, "{\"schemaVersion\": 2, \"kind\": \"sweep\", \"jobs\": 0, \"failed\": 0, \"rows\": []}\n");
        var r = CliRunner.Run("sweep", "merge", folder);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(index, r.Error);
        Assert.Contains("schemaVersion 2 is not supported; this version of ScalingLaws reads schemaVersion 1", r.Error);
    }

    private static string Stdout(params string[] args)
    {
        string path = Path.Combine(CliRunner.TempDir(), "out.json");
        var r = CliRunner.Run([.. args, "-o", path]);
        Assert.True(r.ExitCode == 0, $"{string.Join(" ", args)}: exit {r.ExitCode}: {r.Error}");
        return path;
    }

    private static string ChinchillaFit() => Stdout("fit", "--data", Epoch, "--law", "chinchilla", "--drop-highest", "5", "--format", "json");

    private static string MixingFits() => Stdout("fit", "--data", Mixing70M, "--law", "data-mixing", "--target", "loss_Pu*", "--where", Step30k, "--starts", "300", "--format", "json");

    private static (string Domain, string General) Cpt()
    {
        var dir = CliRunner.TempDir();
        return (Write(Domain, dir), Write(General, dir));
    }

    private static string Sweep()
    {
        string folder = CliRunner.TempDir();
        string plan = CliRunner.WriteTemp("plan.json", System.Text.Json.JsonSerializer.Serialize(new
        {
            axes = new { target = new[] { "loss_github", "loss_arxiv" } },
            jobs = new[] { new { name = "fit", command = "fit", options = new { data = CliRunner.DataPath("regmix", "train_mixture_1m.csv"), target = "{target}", formula = "c + k*w_pile_cc", format = "json" }, outputs = new { output = "fit.json" } } },
        }));
        var r = CliRunner.Run("sweep", plan, "--out", folder, "--jobs", "1");
        Assert.True(r.ExitCode == 0, r.Error);
        return folder;
    }
}
