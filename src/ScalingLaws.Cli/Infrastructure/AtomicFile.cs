namespace ScalingLaws.Cli.Infrastructure;

/// <summary>
/// Output files of the command line, written by <see cref="Plotting.AtomicFile"/> (regular files atomically, devices,
/// FIFOs and <c>/dev/stdout</c> streamed to, symbolic links written through). The rule for every option that names
/// an output file: its folder must exist; a missing folder or a failed write is bad input with a message naming the path.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/>.</summary>
    /// <param name="path">Target file.</param>
    /// <param name="text">Contents.</param>
    /// <param name="cancellation">A cancelled write (Ctrl+C) changes nothing and throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="CliException">The folder does not exist or the file cannot be written.</exception>
    public static void WriteAllText(string path, string text, CancellationToken cancellation = default) =>
        Map(path, () => Plotting.AtomicFile.WriteAllText(path, text, createFolder: false, cancellation));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    /// <param name="path">Target file.</param>
    /// <param name="bytes">Contents.</param>
    /// <param name="cancellation">A cancelled write (Ctrl+C) changes nothing and throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="CliException">The folder does not exist or the file cannot be written.</exception>
    public static void WriteAllBytes(string path, byte[] bytes, CancellationToken cancellation = default) =>
        Map(path, () => Plotting.AtomicFile.WriteAllBytes(path, bytes, createFolder: false, cancellation));

    private static void Map(string path, Action write)
    {
        try { write(); }
        catch (DirectoryNotFoundException)
        {
            throw new CliException($"Cannot write '{path}': folder '{Path.GetDirectoryName(Path.GetFullPath(path))}' does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write '{path}': {e.Message}");
        }
    }
}
