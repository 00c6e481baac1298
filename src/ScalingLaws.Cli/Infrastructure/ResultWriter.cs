namespace ScalingLaws.Cli.Infrastructure;

/// <summary>Writes a command's result to standard output or, atomically, to <c>--output</c>.</summary>
public static class ResultWriter
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> if given, else to the context's output.</summary>
    public static void Write(CliContext context, string? path, string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n')) text += "\n";
        if (string.IsNullOrEmpty(path)) { context.Out.Write(text); context.Out.Flush(); return; }
        AtomicFile.WriteAllText(path, text);
        context.Error.WriteLine($"Wrote {path}");
    }
}
