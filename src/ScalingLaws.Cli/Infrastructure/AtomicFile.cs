namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// Atomic writes for the command line: <see cref="Plotting.AtomicFile"/> (a temporary file in the same
/// folder, then renamed), but a missing folder or a write failure is bad input with a message naming the path.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> atomically.</summary>
    /// <exception cref="CliException">The folder does not exist or cannot be written.</exception>
    public static void WriteAllText(string path, string text)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(dir)) throw new CliException($"Cannot write '{path}': folder '{dir}' does not exist.");
        try { Plotting.AtomicFile.WriteAllText(path, text); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write '{path}': {e.Message}");
        }
    }
}
