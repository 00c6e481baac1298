using Xunit;

namespace ScalingLaws.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ runs top to bottom against the built library.</summary>
public class NotebookTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "notebooks"), "*.ipynb").Order())
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void RunsTopToBottom(string notebook)
    {
        var (cells, _) = NotebookRunner.Run(Path.Combine(AppContext.BaseDirectory, "notebooks", notebook));
        Assert.NotEmpty(cells);
        Assert.NotNull(cells[^1].Value);
        foreach (var cell in cells)
            Assert.DoesNotContain("NOT converged", cell.Value ?? "");
    }
}
