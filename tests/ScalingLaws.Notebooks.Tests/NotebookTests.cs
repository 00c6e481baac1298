using System.Text.Json;
using Xunit;

namespace ScalingLaws.Notebooks.Tests;

/// <summary>
/// Every notebook in notebooks/ runs top to bottom in Jupyter with the .net-csharp kernel, with no error output; each
/// shows the library's own HTML tables and at least one inline figure, and no output exceeds 200 KB.
/// </summary>
[Collection(KernelCollection.Name)]
public sealed class NotebookTests(KernelFixture kernel)
{
    /// <summary>The largest single output allowed in an executed notebook.</summary>
    public const int MaxOutputBytes = 200 * 1024;

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var name in Repository.Notebooks()) data.Add(name);
        return data;
    }

    [Fact]
    public void TheNotebooksAreTheFourTasks() =>
        Assert.Equal(["01-fit-chinchilla.ipynb", "02-plan-a-mixture.ipynb", "03-continual-pretraining.ipynb", "04-compare-laws-on-held-out-scale.ipynb"],
            Repository.Notebooks());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void EveryCellHasAUniqueIdAndTheKernelIsDotNetCSharp(string notebook)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Repository.Path("notebooks", notebook)));
        var root = document.RootElement;
        Assert.Equal(JupyterExecutor.Kernel, root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.True(root.GetProperty("nbformat_minor").GetInt32() >= 5);
        var ids = root.GetProperty("cells").EnumerateArray().Select(c => c.TryGetProperty("id", out var id) ? id.GetString() : null).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void RunsInTheKernelWithTablesAndAFigure(string notebook)
    {
        var run = kernel.Run(notebook);
        Assert.True(run.Succeeded, run.Failure);
        var executed = run.Executed!;
        Assert.Contains(executed.Outputs, o => o.Data.GetValueOrDefault("text/html", "").Contains("<div class=\"scaling-laws "));
        Assert.Contains(executed.Outputs, o => o.Data.ContainsKey("image/png") || o.Data.ContainsKey("image/svg+xml")
            || o.Data.GetValueOrDefault("text/html", "").StartsWith("<img src=\"data:image/png;base64,", StringComparison.Ordinal)
            || o.Data.GetValueOrDefault("text/html", "").StartsWith("<svg", StringComparison.Ordinal));
        foreach (var output in executed.Outputs)
            foreach (var (mime, text) in output.Data)
                Assert.True(text.Length <= MaxOutputBytes, $"{notebook} cell {output.CellId}: {mime} output of {text.Length} bytes");
    }

    [Fact]
    public void TheSameExecutorReportsAFailingCell()
    {
        string source = Repository.Path("notebooks", "01-fit-chinchilla.ipynb");
        string copy = Repository.Path("notebooks", $".failing-{Guid.NewGuid():N}.ipynb");
        var notebook = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(source))!;
        var cells = notebook["cells"]!.AsArray();
        int references = cells.Select((c, i) => (c, i)).First(x => (string?)x.c!["id"] == "references").i;
        cells.Insert(references + 1, System.Text.Json.Nodes.JsonNode.Parse("""
            {"cell_type": "code", "id": "fails", "metadata": {}, "execution_count": null, "outputs": [],
             "source": ["throw new InvalidOperationException(\"this cell fails on purpose\");"]}
            """));
        File.WriteAllText(copy, notebook.ToJsonString());
        try
        {
            var run = kernel.Execute(copy, Path.Combine(KernelFixture.OutputFolder, "failing.ipynb"));
            Assert.False(run.Succeeded);
            Assert.NotEqual(0, run.Process.ExitCode);
            Assert.Contains("this cell fails on purpose", run.Failure);
        }
        finally { File.Delete(copy); }
    }
}
