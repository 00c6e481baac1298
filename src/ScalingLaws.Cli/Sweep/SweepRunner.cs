using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ScalingLaws.Cli.Infrastructure;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// Runs the jobs of a sweep in one process: each job is the command line itself (<see cref="CliApp.RunAsync"/>)
/// with its own output and error writers. Templates run in plan order, the jobs of one template in parallel.
/// A job whose folder holds a record with the same key, status ok and all its outputs is not run again.
/// </summary>
internal static class SweepRunner
{
    /// <summary>The name of the record each job leaves in its folder.</summary>
    public const string RecordName = "job.json";

    /// <summary>Runs the jobs of <paramref name="shard"/> (all with null) into <paramref name="folder"/>; returns their rows.</summary>
    /// <param name="jobs">Every job of the sweep.</param>
    /// <param name="folder">The sweep folder (created when missing).</param>
    /// <param name="shard">The slice to run, or null for all.</param>
    /// <param name="parallelism">Jobs run at the same time (≥ 1).</param>
    /// <param name="finished">Called after each job with the number finished and the number to run.</param>
    /// <param name="cancellation">Stops starting new jobs; running jobs finish.</param>
    public static ImmutableArray<SweepRow> Run(IReadOnlyList<SweepJob> jobs, string folder, SweepShard? shard, int parallelism,
        Action<int, int>? finished, CancellationToken cancellation)
    {
        var own = Select(jobs, shard);
        var needed = new SortedSet<int>(own);
        var pending = new Stack<int>(own);
        while (pending.Count > 0)
            foreach (int dependency in jobs[pending.Pop()].Dependencies)
                if (needed.Add(dependency)) pending.Push(dependency);
        Directory.CreateDirectory(folder);
        var rows = new ConcurrentDictionary<int, SweepRow>();
        int done = 0;
        foreach (var stage in needed.Select(o => jobs[o]).GroupBy(j => j.Template.Name))
        {
            cancellation.ThrowIfCancellationRequested();
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation };
            Parallel.ForEach(stage, options, job =>
            {
                rows[job.Order] = RunOne(job, folder, rows, cancellation);
                finished?.Invoke(Interlocked.Increment(ref done), needed.Count);
            });
        }
        return [.. own.Select(o => rows[o])];
    }

    /// <summary>The orders of the jobs in <paramref name="shard"/>.</summary>
    public static ImmutableArray<int> Select(IReadOnlyList<SweepJob> jobs, SweepShard? shard)
    {
        if (shard is null) return [.. jobs.Select(j => j.Order)];
        var group = new string[jobs.Count];
        foreach (var job in jobs) group[job.Order] = job.Dependencies.IsEmpty ? job.Id : group[job.Dependencies[0]];
        return [.. jobs.Where(j => shard.Contains(group[j.Order])).Select(j => j.Order)];
    }

    private static SweepRow RunOne(SweepJob job, string folder, ConcurrentDictionary<int, SweepRow> rows, CancellationToken cancellation)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        string command = string.Join(" ", job.Arguments.Select(Quote));
        var failedUpstream = job.Dependencies.Select(d => rows[d]).FirstOrDefault(r => r.Status != "ok");
        if (failedUpstream is not null)
            return Row(job, command, "", "failed", false, ExitCodes.BadInput, $"not run: job '{failedUpstream.Id}' failed.", 0, folder);
        string key = Key(job, folder, job.Dependencies.Select(d => rows[d]));
        string jobFolder = Path.Combine(folder, job.Folder);
        string recordPath = Path.Combine(jobFolder, RecordName);
        if (SweepRecord.TryRead(recordPath) is { } record && record.Key == key && record.ExitCode == 0
            && job.Outputs.All(o => File.Exists(Path.Combine(folder, o)) || Directory.Exists(Path.Combine(folder, o))))
            return Row(job, command, key, "ok", true, 0, "", record.ElapsedMilliseconds, folder);
        if (Directory.Exists(jobFolder)) Directory.Delete(jobFolder, recursive: true);
        Directory.CreateDirectory(jobFolder);
        var arguments = job.Arguments.ToArray();
        foreach (int i in job.SweepPaths) arguments[i] = Path.Combine(folder, arguments[i]);
        var output = new StringWriter();
        var error = new StringWriter();
        var clock = Stopwatch.StartNew();
        int exit;
        try { exit = CliApp.RunAsync(arguments, output, error, cancellation: cancellation).GetAwaiter().GetResult(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error.WriteLine("error: " + e.Message);
            exit = ExitCodes.BadInput;
        }
        long elapsed = clock.ElapsedMilliseconds;
        cancellation.ThrowIfCancellationRequested();
        if (output.GetStringBuilder().Length > 0) AtomicFile.WriteAllText(Path.Combine(jobFolder, "stdout.txt"), output.ToString(), cancellation);
        string message = exit == 0 ? "" : string.Join("\n", error.ToString().Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0 && !l.StartsWith("Wrote ", StringComparison.Ordinal)));
        if (exit == 0 && job.Outputs.FirstOrDefault(o => !File.Exists(Path.Combine(folder, o)) && !Directory.Exists(Path.Combine(folder, o))) is { } missing)
        {
            exit = ExitCodes.BadInput;
            message = $"error: the command did not write '{missing}'.";
        }
        SweepRecord.Write(recordPath, new SweepRecord(key, exit, elapsed));
        return Row(job, command, key, exit == 0 ? "ok" : "failed", false, exit, message, elapsed, folder);
    }

    private static SweepRow Row(SweepJob job, string command, string key, string status, bool reused, int exit, string message, long elapsed, string folder)
    {
        var metrics = status == "ok" ? SweepMetrics.Read(job.Outputs.Select(o => Path.Combine(folder, o))) : SweepMetrics.None;
        var outputs = job.Outputs;
        if (File.Exists(Path.Combine(folder, job.Folder, "stdout.txt"))) outputs = outputs.Add(job.Folder + "/stdout.txt");
        return new SweepRow(job.Order, job.Id, job.Template.Name, command, key, status, reused, exit, message,
            metrics.Objective, metrics.Parameters, metrics.ScaleHoldOutError, outputs, elapsed);
    }

    /// <summary>
    /// SHA-256 of the tool version, the command line (outputs relative to the sweep folder), the content of every
    /// argument that names an existing file or folder, and the keys of the earlier jobs whose outputs it reads.
    /// </summary>
    public static string Key(SweepJob job, string folder, IEnumerable<SweepRow> upstream)
    {
        var sb = new StringBuilder();
        sb.Append(typeof(SweepRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion).Append('\n');
        var upstreamRows = upstream.ToList();
        for (int i = 0; i < job.Arguments.Length; i++)
        {
            string argument = job.Arguments[i];
            sb.Append(argument).Append('\n');
            if (job.Outputs.Contains(argument)) continue;
            if (job.SweepPaths.Contains(i))
            {
                foreach (var row in upstreamRows.Where(r => r.Outputs.Contains(argument))) sb.Append("  from ").Append(row.Key).Append('\n');
                continue;
            }
            if (ContentHash(argument) is { } hash) sb.Append("  content ").Append(hash).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string? ContentHash(string path)
    {
        try
        {
            if (File.Exists(path)) { using var stream = File.OpenRead(path); return Convert.ToHexStringLower(SHA256.HashData(stream)); }
            if (!Directory.Exists(path)) return null;
            var sb = new StringBuilder();
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                sb.Append(Path.GetRelativePath(path, file).Replace('\\', '/')).Append(' ').Append(ContentHash(file)).Append('\n');
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+*^@%".Contains(c)) ? argument : "'" + argument.Replace("'", "'\\''") + "'";
}
