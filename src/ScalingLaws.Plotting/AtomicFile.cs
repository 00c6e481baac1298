using System.Collections.Concurrent;
using System.Text;

namespace ScalingLaws.Plotting;

/// <summary>
/// The one way ScalingLaws writes an output file. A regular file (or a path where nothing exists yet) is written
/// atomically: the bytes go to a temporary file in the same folder, are flushed to disk, and the temporary file is
/// renamed over the target, so a reader sees either the old file or the complete new one and a failed or cancelled
/// write leaves the target untouched and no temporary file behind. Anything else — a device such as
/// <c>/dev/null</c>, a FIFO, a socket, <c>/dev/stdout</c> — is opened and streamed to, never replaced. A symbolic
/// link is written through: its final target is written by the same rules and the link stays a link.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> by the rules of the class summary.</summary>
    /// <param name="path">Target file.</param>
    /// <param name="bytes">Contents.</param>
    /// <param name="createFolder">Whether a missing folder is created (default) or is an error.</param>
    /// <param name="cancellation">Checked before the temporary file replaces the target; a cancelled write changes nothing.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist and <paramref name="createFolder"/> is false.</exception>
    /// <exception cref="IOException">The path is a folder, or the write failed (the target is unchanged).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled before the rename.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, bool createFolder = true, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var (target, descriptor) = FinalTarget(Path.GetFullPath(path));
        var kind = FileKinds.Of(target);
        if (kind == FileKind.Folder) throw new IOException($"'{path}' is a folder.");
        if (kind == FileKind.Special || descriptor)
        {
            // An open descriptor (/dev/stdout) that the shell pointed at a regular file is appended to, as the
            // shell's own redirection would; devices, FIFOs and sockets are opened as they are.
            var mode = kind == FileKind.Regular ? FileMode.Append : FileMode.Open;
            using var stream = new FileStream(target, mode, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
            stream.Write(bytes);
            return;
        }
        var folder = Path.GetDirectoryName(target) ?? throw new IOException($"'{path}' has no folder.");
        if (createFolder) Directory.CreateDirectory(folder);
        else if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"folder '{folder}' does not exist.");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        Pending.TryAdd(temporary, 0);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            KeepMode(target, temporary);
            cancellation.ThrowIfCancellationRequested();
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        finally
        {
            Pending.TryRemove(temporary, out _);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark to <paramref name="path"/> (see <see cref="WriteAllBytes"/>).</summary>
    /// <param name="path">Target file.</param>
    /// <param name="text">Contents.</param>
    /// <param name="createFolder">Whether a missing folder is created (default) or is an error.</param>
    /// <param name="cancellation">Checked before the temporary file replaces the target.</param>
    public static void WriteAllText(string path, string text, bool createFolder = true, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, Utf8NoBom.GetBytes(text), createFolder, cancellation);
    }

    /// <summary>
    /// Deletes the temporary files of writes still in progress; for a process that is about to end abruptly
    /// (a second Ctrl+C). Safe to call from any thread.
    /// </summary>
    public static void DeletePendingTemporaryFiles()
    {
        foreach (var temporary in Pending.Keys) TryDelete(temporary);
    }

    /// <summary>
    /// Follows symbolic links to the path finally written. A link into <c>/proc</c> (such as <c>/dev/stdout</c> →
    /// <c>/proc/self/fd/1</c>) names an open descriptor, not a file to replace: the link itself is returned with
    /// <c>Descriptor</c> set, to be streamed to.
    /// </summary>
    private static (string Path, bool Descriptor) FinalTarget(string path)
    {
        var current = path;
        for (int hops = 0; hops < 40; hops++)
        {
            string? link;
            try { link = new FileInfo(current).LinkTarget; }
            catch (IOException) { return (current, false); }
            if (link is null) return (current, false);
            var next = Path.GetFullPath(link, Path.GetDirectoryName(current)!);
            if (next.StartsWith("/proc/", StringComparison.Ordinal)) return (current, true);
            current = next;
        }
        throw new IOException($"'{path}': too many levels of symbolic links.");
    }

    private static void KeepMode(string target, string temporary)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(target)) return;
        try { File.SetUnixFileMode(temporary, File.GetUnixFileMode(target)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
