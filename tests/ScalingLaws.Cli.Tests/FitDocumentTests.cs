using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ScalingLaws.Serialization;
using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// The saved fit as users produce it: every fit document the CLI writes validates against docs/schema/fit.schema.json and
/// is written back byte for byte after reading; another schema version and inconsistent content give exit 1 naming the file.
/// </summary>
public class FitDocumentTests
{
    private static string Epoch => CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");

    /// <summary>Rows of loss_a = 2 + 300·N^-0.3 and loss_b = 1.5 + 200·N^-0.25 (exact), N from 10⁶ to 10¹⁰.</summary>
    internal static string PowerLawRuns(string column = "N")
    {
        var lines = new List<string> { $"{column},loss_a,loss_b" };
        for (int i = 0; i < 12; i++)
        {
            double n = Math.Pow(10, 6 + i * 4.0 / 11);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{n:R},{2 + 300 * Math.Pow(n, -0.3):R},{1.5 + 200 * Math.Pow(n, -0.25):R}"));
        }
        return CliRunner.WriteTemp("runs.csv", string.Join("\n", lines) + "\n");
    }

    private static string FitFile(params string[] args)
    {
        string path = Path.Combine(CliRunner.TempDir(), "fit.json");
        var r = CliRunner.Run([.. args, "--format", "json", "-o", path]);
        Assert.True(r.ExitCode == 0, r.Error);
        return path;
    }

    public static TheoryData<string> Fits => new() { "single", "several", "bootstrap" };

    [Theory]
    [MemberData(nameof(Fits))]
    public void EveryFitTheCliWritesValidatesAgainstItsSchemaAndRoundTrips(string which)
    {
        string path = which switch
        {
            "single" => FitFile("fit", "--data", Epoch, "--law", "chinchilla", "--drop-highest", "5"),
            "several" => FitFile("fit", "--data", PowerLawRuns(), "--formula", "E + A*N^-alpha", "--target", "loss_*", "--start", "E=1,A=100,alpha=0.2"),
            _ => FitFile("fit", "--data", PowerLawRuns(), "--formula", "E + A*N^-alpha", "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2", "--bootstrap", "5"),
        };
        string text = File.ReadAllText(path);
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", "fit.schema.json"));
        var result = schema.Evaluate(JsonNode.Parse(text), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var saved = FitJson.Read(text, path);
        string written = saved.Length == 1 ? FitJson.Write(saved[0].Document) : FitJson.Write(saved.Select(s => s.Document));
        Assert.Equal(text, written + "\n");
        Assert.Equal(which == "several" ? 2 : 1, saved.Length);
    }

    [Fact]
    public void ASchemaIsRejectedWhenADocumentBreaksIt()
    {
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "schema", "fit.schema.json"));
        var node = JsonNode.Parse(File.ReadAllText(FitFile("fit", "--data", PowerLawRuns(), "--formula", "E + A*N^-alpha", "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2")))!;
        node["space"] = "cubic";
        Assert.False(schema.Evaluate(node).IsValid);
    }

    [Theory]
    [InlineData("2", "schemaVersion 2 is not supported")]
    [InlineData("\"1\"", "schemaVersion \"1\" (a string) is not supported")]
    public void AnotherSchemaVersionNamesBothVersions(string version, string expected)
    {
        var node = JsonNode.Parse(File.ReadAllText(FitFile("fit", "--data", Epoch, "--law", "chinchilla")))!;
        node["schemaVersion"] = JsonNode.Parse(version);
        string path = CliRunner.WriteTemp("other.json", node.ToJsonString());
        var r = CliRunner.Run("predict", "--fit", path, "--at", "N=1e9,D=1e10");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(path, r.Error);
        Assert.Contains(expected, r.Error);
        Assert.Contains("reads schemaVersion 1", r.Error);
    }

    [Theory]
    [InlineData("repeated-parameter", "parameter 'A' is listed twice")]
    [InlineData("repeated-variable", "variable 'N' is listed twice")]
    [InlineData("variable-named-like-parameter", "'E' is listed both as a variable and as a parameter")]
    [InlineData("no-parameters", "no parameters")]
    [InlineData("formula-lacks-parameter", "parameter 'alpha' does not appear in the formula")]
    [InlineData("null-value", "parameter 'A' has no value (null)")]
    [InlineData("missing-member", "statistics")]
    public void InconsistentFitDocumentsGiveExitOneNamingTheFile(string fault, string expected)
    {
        var node = JsonNode.Parse(File.ReadAllText(FitFile("fit", "--data", PowerLawRuns(), "--formula", "E + A*N^-alpha", "--target", "loss_a", "--start", "E=1,A=100,alpha=0.2")))!;
        var parameters = node["parameters"]!.AsArray();
        switch (fault)
        {
            case "repeated-parameter": parameters[2]!["name"] = "A"; break;
            case "repeated-variable": node["variables"] = new JsonArray("N", "N"); break;
            case "variable-named-like-parameter": node["variables"] = new JsonArray("N", "E"); break;
            case "no-parameters": parameters.Clear(); break;
            case "formula-lacks-parameter": node["formula"] = "E + A*N"; break;
            case "null-value": parameters[1]!["value"] = null; break;
            default: node.AsObject().Remove("statistics"); break;
        }
        string path = CliRunner.WriteTemp("broken.json", node.ToJsonString());
        var r = CliRunner.Run("predict", "--fit", path, "--at", "N=1e9");
        Assert.True(r.ExitCode == 1, $"exit {r.ExitCode}: {r.Error}");
        Assert.Contains(path, r.Error);
        Assert.Contains(expected, r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }
}
