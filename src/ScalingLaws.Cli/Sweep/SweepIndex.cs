using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Serialization;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// The sweep index: <c>sweep.json</c> (kind <c>sweep</c>, one object per job) and <c>sweep.csv</c> (one row per
/// job), rows in sweep order; a shard writes <c>sweep-I-of-N.json/.csv</c>.
/// </summary>
internal static class SweepIndex
{
    /// <summary>The CSV columns.</summary>
    public static readonly ImmutableArray<string> Columns =
        ["order", "id", "job", "command", "key", "status", "reused", "exit_code", "message", "objective", "parameters", "scale_hold_out_error", "outputs", "elapsed_ms"];

    /// <summary>The base file name (without extension) of the index of <paramref name="shard"/> (null: the whole sweep).</summary>
    public static string BaseName(SweepShard? shard) => shard is null ? "sweep" : $"sweep-{shard.Index}-of-{shard.Count}";

    /// <summary>Writes <c>NAME.json</c> and <c>NAME.csv</c> into <paramref name="folder"/>, atomically.</summary>
    public static void Write(string folder, string name, IEnumerable<SweepRow> rows)
    {
        var sorted = rows.OrderBy(r => r.Order).ToList();
        AtomicFile.WriteAllText(Path.Combine(folder, name + ".json"), Json(sorted));
        AtomicFile.WriteAllText(Path.Combine(folder, name + ".csv"), Csv.Table(Columns, sorted.Select(CsvRow)));
    }

    /// <summary>The JSON document of the rows.</summary>
    public static string Json(IReadOnlyList<SweepRow> rows) => JsonText.Object("sweep", w =>
    {
        w.WriteNumber("jobs", rows.Count);
        w.WriteNumber("failed", rows.Count(r => r.Status != "ok"));
        w.WriteStartArray("rows");
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteNumber("order", r.Order);
            w.WriteString("id", r.Id);
            w.WriteString("job", r.Job);
            w.WriteString("command", r.Command);
            w.WriteString("key", r.Key);
            w.WriteString("status", r.Status);
            w.WriteBoolean("reused", r.Reused);
            w.WriteNumber("exitCode", r.ExitCode);
            w.WriteString("message", r.Message);
            JsonNumbers.Write(w, "objective", r.Objective);
            w.WriteString("parameters", r.Parameters);
            JsonNumbers.Write(w, "scaleHoldOutError", r.ScaleHoldOutError);
            w.WriteStartArray("outputs");
            foreach (var o in r.Outputs) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteNumber("elapsedMs", r.ElapsedMilliseconds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }) + "\n";

    /// <summary>Reads the rows of an index written by <see cref="Write"/>.</summary>
    /// <exception cref="CliException">The file is missing or is not a sweep index.</exception>
    public static ImmutableArray<SweepRow> Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("kind", out var kind) || kind.GetString() != "sweep") throw new CliException($"'{path}' is not a sweep index (kind 'sweep').");
            return [.. root.GetProperty("rows").EnumerateArray().Select(r => new SweepRow(
                r.GetProperty("order").GetInt32(), r.GetProperty("id").GetString()!, r.GetProperty("job").GetString()!,
                r.GetProperty("command").GetString()!, r.GetProperty("key").GetString()!, r.GetProperty("status").GetString()!,
                r.GetProperty("reused").GetBoolean(), r.GetProperty("exitCode").GetInt32(), r.GetProperty("message").GetString()!,
                Number(r.GetProperty("objective")), r.GetProperty("parameters").GetString()!, Number(r.GetProperty("scaleHoldOutError")),
                [.. r.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!)], r.GetProperty("elapsedMs").GetInt64()))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read sweep index '{path}': {e.Message}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new CliException($"'{path}' is not a readable sweep index: {e.Message}");
        }
    }

    private static double? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : JsonNumbers.Read(e);

    private static IEnumerable<string?> CsvRow(SweepRow r) =>
    [
        r.Order.ToString(CultureInfo.InvariantCulture), r.Id, r.Job, r.Command, r.Key, r.Status, r.Reused ? "true" : "false",
        r.ExitCode.ToString(CultureInfo.InvariantCulture), r.Message, Csv.Number(r.Objective), r.Parameters, Csv.Number(r.ScaleHoldOutError),
        string.Join(" ", r.Outputs), r.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture),
    ];
}
