using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace ScalingLaws.Notebooks.Tests;

/// <summary>
/// Every file-based script in examples/ runs as a user types it, <c>dotnet run examples/&lt;name&gt;.cs</c> from the
/// repository root, prints its results and writes its figures.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class ExampleTests(KernelFixture kernel)
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repository.Path("examples"), "*.cs").Order()) data.Add(Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void TheExamplesAreTheNotebookTasksAndASweep() =>
        Assert.Equal(["compare-laws.cs", "continual-pretraining.cs", "fit-chinchilla.cs", "plan-a-mixture.cs", "sweep.cs"],
            Directory.GetFiles(Repository.Path("examples"), "*.cs").Order().Select(p => Path.GetFileName(p)).ToArray());

    [Theory]
    [MemberData(nameof(Examples))]
    public void RunsAsTyped(string example)
    {
        kernel.EnsureSetUp();
        var figures = Figures(example).Select(f => Repository.Path(f.Split('/'))).ToList();
        foreach (var figure in figures.Where(File.Exists)) File.Delete(figure);
        var run = ProcessRunner.Run("dotnet", ["run", $"examples/{example}"], Repository.Root, TimeSpan.FromMinutes(15));
        Assert.True(run.ExitCode == 0, $"dotnet run examples/{example} exited {run.ExitCode}:\n{run.Output}");
        foreach (var figure in figures)
        {
            Assert.True(File.Exists(figure), $"{example} did not write {figure}:\n{run.Output}");
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(figure)[..4]);
        }
        CheckValues(example, run.StandardOutput);
    }

    private static IEnumerable<string> Figures(string example) => example switch
    {
        "fit-chinchilla.cs" => ["out/chinchilla-frontier.png"],
        "plan-a-mixture.cs" => ["out/mixture-weights.png"],
        "continual-pretraining.cs" => ["out/continual-pretraining.png"],
        "compare-laws.cs" => ["out/compare-laws-parity.png"],
        "sweep.cs" => new[] { "academic", "prose", "dialogue", "symbolic", "internet", "total" }.Select(t => $"out/sweep/loss_{t}-parity.png"),
        _ => throw new InvalidOperationException($"No expectations for examples/{example}: add them here."),
    };

    private static void CheckValues(string example, string output)
    {
        double Number(string pattern)
        {
            var match = Regex.Match(output, pattern, RegexOptions.Multiline);
            Assert.True(match.Success, $"examples/{example}: no /{pattern}/ in:\n{output}");
            return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        switch (example)
        {
            case "fit-chinchilla.cs":
                Assert.InRange(Number(@"E = ([0-9.]+)"), 1.80, 1.84);
                Assert.InRange(Number(@"alpha = ([0-9.]+)"), 0.335, 0.36);
                Assert.InRange(Number(@"C = 5\.76e23: .* tokens per parameter = ([0-9.]+)"), 15, 25);
                break;
            case "plan-a-mixture.cs":
                Assert.InRange(Number(@"^  h_internet\s+([0-9.]+)"), 0.3499, 0.35);
                Assert.InRange(Number(@"^Bootstrap: (\d+)/20 replicates"), 15, 20);
                break;
            case "continual-pretraining.cs":
                Assert.InRange(Number(@"^critical mixture ratio: ([0-9.]+)"), 0.75, 0.875);
                Assert.Equal(Number(@"^trade-off: Python share ([0-9.]+)"), Number(@"^critical mixture ratio: ([0-9.]+)"));
                Assert.Equal(10, Regex.Matches(output, @"^step +\d+: critical mixture ratio 0\.[78]\d\d", RegexOptions.Multiline).Count);
                break;
            case "compare-laws.cs":
                Assert.Matches(@"(?m)^\s*1\s+chinchilla\s", output);
                Assert.InRange(Number(@"^chinchilla → loss: fitted on 223 rows \(converged\), predicted 17: MAE ([0-9.]+)"), 0.01, 0.06);
                break;
            case "sweep.cs":
                var summary = File.ReadAllLines(Repository.Path("out", "sweep", "summary.csv"));
                Assert.Equal(7, summary.Length);
                Assert.All(summary.Skip(1), line => Assert.Contains(",True,", line));
                Assert.All(summary.Skip(1), line => Assert.InRange(double.Parse(line.Split(',')[3], CultureInfo.InvariantCulture), 0.001, 0.2));
                break;
        }
    }
}
