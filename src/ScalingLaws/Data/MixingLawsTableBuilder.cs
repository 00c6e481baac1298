namespace ScalingLaws.Data;

/// <summary>Collects parsed mixinglaws lines and lays them out one row per (size, run, step).</summary>
internal sealed class MixingLawsTableBuilder(string name, IReadOnlyList<string> domains)
{
    private sealed class Checkpoint(MixingLawsCheckpoint first, int line)
    {
        public MixingLawsCheckpoint First { get; } = first;
        public int Line { get; } = line;
        public Dictionary<string, (double Loss, int Line)> Losses { get; } = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<(string Size, string Run, int Step), Checkpoint> _checkpoints = new();
    private readonly SortedSet<string> _validDomains = new(StringComparer.Ordinal);
    private int _proportionCount = -1;

    public void Add(MixingLawsCheckpoint entry, int line)
    {
        if (!entry.IsBase) CheckProportions(entry, line);
        var key = (entry.Size, entry.RunKey, entry.Step);
        if (!_checkpoints.TryGetValue(key, out var checkpoint))
            _checkpoints.Add(key, checkpoint = new Checkpoint(entry, line));
        string domain = ColumnNames.Sanitize(entry.Domain);
        _validDomains.Add(domain);
        if (checkpoint.Losses.TryGetValue(domain, out var seen))
        {
            if (!seen.Loss.Equals(entry.Loss))
                throw new DataException(
                    $"checkpoint {entry.RunKey} step {entry.Step} has two losses on '{entry.Domain}': {Invariant.Format(seen.Loss)} at line {seen.Line} and {Invariant.Format(entry.Loss)} here.",
                    name, line, 3);
            return;
        }
        checkpoint.Losses.Add(domain, (entry.Loss, line));
    }

    public RunTable Build()
    {
        if (_checkpoints.Count == 0)
            throw new DataException("holds no checkpoint with a step number (only 'last' checkpoints).", name);
        var rows = _checkpoints.Values
            .OrderBy(c => MixingLawsReader.NonEmbeddingParameters.GetValueOrDefault(c.First.Size, double.MaxValue))
            .ThenBy(c => c.First.Size, StringComparer.Ordinal)
            .ThenBy(c => c.First.IsBase ? -1 : c.First.RunId)
            .ThenBy(c => c.First.RunKey, StringComparer.Ordinal)
            .ThenBy(c => c.First.Step)
            .ToList();
        int k = Math.Max(_proportionCount, 0);
        var weightNames = domains.Count == k
            ? domains.Select(ColumnNames.Sanitize).ToList()
            : Enumerable.Range(1, k).Select(j => j.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var columns = new List<RunColumn>
        {
            RunColumn.Text("size", rows.Select(r => r.First.Size)),
            RunColumn.Numeric("N", rows.Select(r => MixingLawsReader.NonEmbeddingParameters.GetValueOrDefault(r.First.Size, double.NaN))),
            RunColumn.Numeric("run_id", rows.Select(r => r.First.RunId)),
            RunColumn.Numeric("reference_run", rows.Select(r => r.First.RunId > 900 ? 1.0 : 0.0)),
            RunColumn.Numeric("step", rows.Select(r => (double)r.First.Step)),
            RunColumn.Numeric("tokens", rows.Select(r => r.First.Step * MixingLawsReader.TokensPerStep)),
        };
        for (int j = 0; j < k; j++)
        {
            int index = j;
            columns.Add(RunColumn.Numeric("h_" + weightNames[j],
                rows.Select(r => r.First.IsBase ? double.NaN : r.First.Proportions[index])));
        }
        foreach (var domain in _validDomains)
            columns.Add(RunColumn.Numeric("loss_" + domain,
                rows.Select(r => r.Losses.TryGetValue(domain, out var v) ? v.Loss : double.NaN)));
        return new RunTable(name, columns, rows.Select(r => new SourceLocation(name, r.Line)));
    }

    private void CheckProportions(MixingLawsCheckpoint entry, int line)
    {
        int count = entry.Proportions.Length;
        if (domains.Count > 0 && count != domains.Count)
            throw new DataException(
                $"checkpoint {entry.RunKey} has {count} mixture proportions but the set has {domains.Count} domains ({string.Join(", ", domains)}).",
                name, line, 1);
        if (_proportionCount >= 0 && count != _proportionCount)
            throw new DataException(
                $"checkpoint {entry.RunKey} has {count} mixture proportions but earlier checkpoints have {_proportionCount}.", name, line, 1);
        _proportionCount = count;
    }
}
