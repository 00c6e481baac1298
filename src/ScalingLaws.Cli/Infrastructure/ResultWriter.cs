namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Writes a command's result to standard output (no <c>--output</c>, or <c>-</c>) or to the <c>--output</c> file.</summary>
internal static class ResultWriter
{
    /// <summary>
    /// Writes <paramref name="text"/> (with a final newline) to <paramref name="path"/> through <see cref="AtomicFile"/>,
    /// or to the context's output when <paramref name="path"/> is empty or <c>-</c>.
    /// </summary>
    /// <exception cref="CliException">The file or standard output cannot be written (closed pipe, full disk, missing folder).</exception>
    public static void Write(CliContext context, string? path, string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n')) text += "\n";
        if (string.IsNullOrEmpty(path) || path == "-") { WriteOut(context, text); return; }
        AtomicFile.WriteAllText(path, text, context.Cancellation);
        context.Error.WriteLine($"Wrote {path}");
    }

    /// <summary>Writes <paramref name="text"/> to standard output and flushes it; a failed write is bad input, exit 1.</summary>
    /// <exception cref="CliException">Standard output is closed or its device is full.</exception>
    public static void WriteOut(CliContext context, string text)
    {
        try
        {
            context.Out.Write(text);
            context.Out.Flush();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new CliException("Cannot write to standard output: it is closed or not writable.");
        }
        catch (IOException e)
        {
            throw new CliException($"Cannot write to standard output: {e.Message}");
        }
    }
}
