using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Serialization;
using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Cli.Sweep;

/// <summary>What a job leaves in its folder (<c>job.json</c>, a <see cref="SweepJobDocument"/>) so that a later run can skip it.</summary>
internal static class SweepRecord
{
    /// <summary>Writes the record atomically (after the job's outputs, so a job killed half-way has none).</summary>
    /// <param name="path">The record's path.</param>
    /// <param name="key">The job's key when it ran.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="elapsedMilliseconds">Its wall time.</param>
    public static void Write(string path, string key, int exitCode, long elapsedMilliseconds) =>
        AtomicFile.WriteAllText(path, SweepJobJson.Write(new SweepJobDocument(SchemaVersion.Current, "sweep-job", key, exitCode, elapsedMilliseconds)) + "\n");

    /// <summary>The record at <paramref name="path"/>, or null when there is none or it cannot be read (the job then runs again).</summary>
    /// <param name="path">The record's path.</param>
    public static SweepJobDocument? TryRead(string path)
    {
        try { return File.Exists(path) ? SweepJobJson.Read(File.ReadAllText(path), path) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }
}
