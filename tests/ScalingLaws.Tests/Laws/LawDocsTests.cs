using Xunit;

namespace ScalingLaws.Tests.Laws;

public class LawDocsTests
{
    /// <summary>docs/laws.md equals the page rendered from the catalogue. Set UPDATE_DOCS=1 to rewrite it.</summary>
    [Fact]
    public void LawsPageMatchesTheCatalogue()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var path = Path.Combine(dir!.FullName, "docs", "laws.md");
        var rendered = LawDocs.Render();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") File.WriteAllText(path, rendered);
        Assert.True(File.Exists(path), "docs/laws.md is missing; run the tests with UPDATE_DOCS=1.");
        Assert.Equal(rendered, File.ReadAllText(path));
    }
}
