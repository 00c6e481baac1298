using System.CommandLine;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Cli.Sweep;

namespace ScalingLaws.Cli.Commands;

/// <summary>
/// <c>scaling-laws sweep</c>: run a declared set of jobs (commands over the cartesian product of axes) in one
/// process, in parallel, resumably, writing an index; <c>sweep merge</c> combines the indexes of shards.
/// </summary>
internal static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var plan = new Argument<string>("plan") { Description = "Sweep plan: .json, or YAML (.yaml/.yml)" };
        var outDir = Out();
        var jobs = new Option<int>("--jobs", "-j") { Description = "Jobs run at the same time (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "Run only the I-th of N disjoint slices of the jobs, e.g. 2/8 (writes sweep-I-of-N.json/.csv)" };
        var gallery = Gallery();
        var command = new Command("sweep", """
            Run every job of a sweep plan — fit, validate, compare, predict, optimize, plot or report over data files ×
            targets × laws × option sets — in one process, several at a time, and write an index (sweep.json, sweep.csv)
            with one row per job. Jobs whose inputs, settings and outputs are unchanged since the last run are skipped.
            Exit 1 if any job failed (its message is in the index). See docs/sweeps.md for the plan format.

            Examples:
              scaling-laws sweep plan.yaml --out runs --jobs 4 --gallery
              scaling-laws sweep plan.yaml --out runs --shard 2/8
              scaling-laws sweep merge runs
            """) { plan, outDir, jobs, shard, gallery };
        command.SetAction((parse, cancellation) => CliApp.Guard(context, () =>
        {
            if (parse.GetValue(jobs) < 1) throw new CliException("Option '--jobs' must be at least 1.");
            var slice = parse.GetValue(shard) is { } text ? SweepShard.Parse(text) : null;
            var all = SweepExpander.Expand(SweepPlanReader.Read(parse.GetValue(plan)!));
            string folder = parse.GetValue(outDir)!;
            var bar = new SweepProgress(context);
            var rows = SweepRunner.Run(all, folder, slice, parse.GetValue(jobs), bar.Report, cancellation);
            bar.Clear();
            return Finish(context, folder, SweepIndex.BaseName(slice), rows, parse.GetValue(gallery));
        }));
        command.Add(Merge(context));
        return command;
    }

    private static Option<string> Out() => new("--out", "-o") { Description = "Sweep folder: job folders, index and gallery", DefaultValueFactory = _ => "sweep" };

    private static Option<bool> Gallery() => new("--gallery") { Description = "Also write gallery.html: every job's outputs, reports and figures on one page" };

    private static Command Merge(CliContext context)
    {
        var folders = new Argument<string[]>("folders") { Description = "Sweep folders holding shard indexes (sweep-I-of-N.json)", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for the merged sweep.json/.csv (default: the first folder)" };
        var gallery = Gallery();
        var command = new Command("merge", """
            Combine the indexes of the shards of a sweep (sweep-I-of-N.json in each folder) into one sweep.json and sweep.csv.

            Examples:
              scaling-laws sweep merge runs
              scaling-laws sweep merge shard1 shard2 shard3 --out runs
            """) { folders, outDir, gallery };
        command.SetAction((parse, _) => CliApp.Guard(context, () =>
        {
            var inputs = parse.GetValue(folders)!;
            string target = parse.GetValue(outDir) ?? inputs[0];
            var rows = new List<SweepRow>();
            foreach (var folder in inputs)
            {
                if (!Directory.Exists(folder)) throw new CliException($"Sweep folder '{folder}' does not exist.");
                var indexes = Directory.EnumerateFiles(folder, "sweep-*-of-*.json").Order(StringComparer.Ordinal).ToList();
                if (indexes.Count == 0) throw new CliException($"No shard index (sweep-I-of-N.json) in '{folder}'.");
                foreach (var index in indexes)
                    rows.AddRange(SweepIndex.Read(index).Select(r => r with
                    {
                        Outputs = [.. r.Outputs.Select(o => Path.GetRelativePath(target, Path.Combine(folder, o)).Replace('\\', '/'))],
                    }));
            }
            if (rows.GroupBy(r => r.Order).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new CliException($"Job '{twice.First().Id}' is in more than one shard index; merge the shards of one sweep only.");
            Directory.CreateDirectory(target);
            return Finish(context, target, "sweep", rows, parse.GetValue(gallery));
        }));
        return command;
    }

    private static int Finish(CliContext context, string folder, string name, IReadOnlyList<SweepRow> rows, bool gallery)
    {
        SweepIndex.Write(folder, name, rows);
        int failed = rows.Count(r => r.Status != "ok");
        context.Error.WriteLine($"{rows.Count} jobs: {rows.Count - failed} ok ({rows.Count(r => r.Reused)} reused), {failed} failed. " +
            $"Wrote {Path.Combine(folder, name + ".json")} and {Path.Combine(folder, name + ".csv")}");
        foreach (var row in rows.Where(r => r.Status != "ok")) context.Error.WriteLine($"failed: {row.Id}: {row.Message}");
        if (gallery) context.Error.WriteLine($"Wrote {SweepGallery.Write(folder, rows)}");
        return failed > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
