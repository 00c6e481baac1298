namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Finds the bundled data sets: next to the tool (installed) or in the repository's <c>data/</c> folder.</summary>
internal static class BundledData
{
    /// <summary>Full path of a bundled file, e.g. <c>Path("epoch-chinchilla", "svg_extracted_data.csv")</c>.</summary>
    /// <exception cref="CliException">The bundled data cannot be found.</exception>
    public static string Path(params string[] parts)
    {
        var relative = System.IO.Path.Combine(parts);
        foreach (var root in Roots())
        {
            var candidate = System.IO.Path.Combine(root, relative);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
        }
        throw new CliException($"Bundled data '{relative}' not found next to the tool or in ./data.");
    }

    private static IEnumerable<string> Roots()
    {
        yield return System.IO.Path.Combine(AppContext.BaseDirectory, "data");
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        for (int up = 0; dir is not null && up < 6; up++, dir = dir.Parent)
            yield return System.IO.Path.Combine(dir.FullName, "data");
    }
}
