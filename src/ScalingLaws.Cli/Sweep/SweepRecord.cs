using System.Text.Json;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Sweep;

/// <summary>What a job leaves in its folder (<c>job.json</c>) so that a later run can skip it.</summary>
/// <param name="Key">The job's key when it ran.</param>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="ElapsedMilliseconds">Its wall time.</param>
internal sealed record SweepRecord(string Key, int ExitCode, long ElapsedMilliseconds)
{
    /// <summary>Writes the record atomically (after the job's outputs, so a job killed half-way has none).</summary>
    public static void Write(string path, SweepRecord record) => AtomicFile.WriteAllText(path, JsonText.Object("sweep-job", w =>
    {
        w.WriteString("key", record.Key);
        w.WriteNumber("exitCode", record.ExitCode);
        w.WriteNumber("elapsedMs", record.ElapsedMilliseconds);
    }) + "\n");

    /// <summary>The record at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static SweepRecord? TryRead(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            return new SweepRecord(root.GetProperty("key").GetString()!, root.GetProperty("exitCode").GetInt32(), root.GetProperty("elapsedMs").GetInt64());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
