namespace ScalingLaws.Tests.Conventions;

/// <summary>The repository's source files, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding ScalingLaws.sln.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("ScalingLaws.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The C# files of project <paramref name="project"/> (a folder of src/), without bin/ and obj/.</summary>
    public static IEnumerable<string> SourcesOf(string project)
    {
        var folder = Path.Combine(Root, "src", project);
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
    }
}
