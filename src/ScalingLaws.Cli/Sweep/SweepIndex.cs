using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Serialization;
using ScalingLaws.Serialization.Documents;

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
    public static void Write(string folder, string name, IEnumerable<SweepRowEntry> rows)
    {
        var sorted = rows.OrderBy(r => r.Order).ToList();
        AtomicFile.WriteAllText(Path.Combine(folder, name + ".json"), Json(sorted));
        AtomicFile.WriteAllText(Path.Combine(folder, name + ".csv"), Csv.Table(Columns, sorted.Select(CsvRow)));
    }

    /// <summary>The JSON document of the rows.</summary>
    public static string Json(IReadOnlyList<SweepRowEntry> rows) =>
        SweepIndexJson.Write(new SweepIndexDocument(SchemaVersion.Current, "sweep", rows.Count, rows.Count(r => r.Status != "ok"), [.. rows])) + "\n";

    /// <summary>Reads the rows of an index written by <see cref="Write"/>.</summary>
    /// <exception cref="CliException">The file is missing or is not a sweep index.</exception>
    public static ImmutableArray<SweepRowEntry> Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot read sweep index '{path}': {e.Message}");
        }
        return SweepIndexJson.Read(text, path).Rows;
    }

    private static IEnumerable<string?> CsvRow(SweepRowEntry r) =>
    [
        r.Order.ToString(CultureInfo.InvariantCulture), r.Id, r.Job, r.Command, r.Key, r.Status, r.Reused ? "true" : "false",
        r.ExitCode.ToString(CultureInfo.InvariantCulture), r.Message, Csv.Number(r.Objective), r.Parameters, Csv.Number(r.ScaleHoldOutError),
        string.Join(" ", r.Outputs), r.ElapsedMs.ToString(CultureInfo.InvariantCulture),
    ];
}
