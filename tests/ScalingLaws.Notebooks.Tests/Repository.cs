namespace ScalingLaws.Notebooks.Tests;

/// <summary>The repository the tests run in: the folder above the test binaries that holds ScalingLaws.sln.</summary>
public static class Repository
{
    /// <summary>Absolute path of the repository root.</summary>
    public static string Root { get; } = Find();

    /// <summary>An absolute path inside the repository.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The file names of the notebooks in notebooks/, in order (hidden files, such as a test's temporary copy, excluded).</summary>
    public static IReadOnlyList<string> Notebooks() =>
        [.. Directory.GetFiles(Path("notebooks"), "*.ipynb").Select(p => System.IO.Path.GetFileName(p)).Where(n => !n.StartsWith('.')).Order()];

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ScalingLaws.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ScalingLaws.sln above {AppContext.BaseDirectory}.");
    }
}
