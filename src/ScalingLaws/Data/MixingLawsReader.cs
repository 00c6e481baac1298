using System.Collections.Immutable;

namespace ScalingLaws.Data;

/// <summary>
/// Reads the training logs of Ye et al., "Data Mixing Laws" (yegcjs/mixinglaws, <c>data/&lt;set&gt;/&lt;size&gt;.txt</c>):
/// tab-separated lines <c>checkpoint_path, valid_file, loss</c>, one per checkpoint × validation domain,
/// into a wide table with one row per (size, run, step):
/// <list type="bullet">
/// <item><c>size</c> (text, e.g. <c>70M</c>) and <c>N</c>, the non-embedding parameter count (<see cref="NonEmbeddingParameters"/>; NaN for other sizes);</item>
/// <item><c>run_id</c>; <c>reference_run</c> = 1 for runs with id &gt; 900 (default/optimised reference mixtures), else 0;</item>
/// <item><c>step</c> and <c>tokens</c> = step × <see cref="TokensPerStep"/>;</item>
/// <item><c>h_&lt;domain&gt;</c>: the training mixture proportions, named by <see cref="DomainsOf"/> (or <c>h_1</c>, <c>h_2</c>, …);</item>
/// <item><c>loss_&lt;Domain&gt;</c>: the loss on each validation domain (e.g. <c>loss_Pile_CC</c>), NaN when not logged.</item>
/// </list>
/// Checkpoints named <c>last</c> (no step number) are skipped. A base checkpoint (<c>pythia_70m_step20000</c>
/// in the continual-training set) becomes a row with step 0, no run id and no mixture. Identical duplicate
/// lines are ignored; two different losses for the same checkpoint and domain are an error.
/// Domain names with characters other than letters, digits and '_' have them replaced by '_'.
/// </summary>
public static class MixingLawsReader
{
    /// <summary>Tokens per optimizer step: 4,096 sequences × 256 tokens = 1,048,576.</summary>
    public const double TokensPerStep = 1_048_576;

    /// <summary>Non-embedding parameter counts of the Pythia sizes used by the logs.</summary>
    public static ImmutableDictionary<string, double> NonEmbeddingParameters { get; } = new Dictionary<string, double>
    {
        ["70M"] = 18_915_328, ["160M"] = 85_056_000, ["305M"] = 201_541_632,
        ["410M"] = 302_311_424, ["1B"] = 805_736_448, ["2.8B"] = 2_517_652_480,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The training domains, in proportion order, of the published sets: <c>2Mix</c> (Github, Pile_CC),
    /// <c>3Mix</c> (Github, Books3, Pile_CC), <c>5Mix</c> (academic, prose, dialogue, symbolic, internet),
    /// <c>ct</c> (pile, python); empty for <c>RedPajama</c> (order not published: columns <c>h_1</c>…<c>h_7</c>)
    /// and for unknown sets.
    /// </summary>
    /// <param name="set">Set (folder) name.</param>
    public static ImmutableArray<string> DomainsOf(string set) => set switch
    {
        "2Mix" => ["Github", "Pile_CC"],
        "3Mix" => ["Github", "Books3", "Pile_CC"],
        "5Mix" => ["academic", "prose", "dialogue", "symbolic", "internet"],
        "ct" => ["pile", "python"],
        _ => [],
    };

    /// <summary>Reads one log file; the set is taken from its folder name and the size from its file name.</summary>
    /// <param name="path">Path of <c>&lt;set&gt;/&lt;size&gt;.txt</c>.</param>
    /// <param name="domains">Training domain names in proportion order; default <see cref="DomainsOf"/> of the folder.</param>
    /// <exception cref="DataException">The file is missing or a line cannot be read.</exception>
    public static RunTable Read(string path, IReadOnlyList<string>? domains = null)
    {
        using var reader = DataFiles.OpenText(path);
        return Read(reader, path, domains);
    }

    /// <summary>Reads log lines from <paramref name="reader"/>.</summary>
    /// <param name="reader">The text; it is not closed.</param>
    /// <param name="name">Source name, e.g. <c>5Mix/70M.txt</c>: its folder names the set and its file name the size.</param>
    /// <param name="domains">Training domain names in proportion order; default <see cref="DomainsOf"/> of the folder.</param>
    /// <exception cref="DataException">A line cannot be read, or the proportions do not match the domains.</exception>
    public static RunTable Read(TextReader reader, string name, IReadOnlyList<string>? domains = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        domains ??= DomainsOf(Path.GetFileName(Path.GetDirectoryName(name)) ?? "");
        string stem = Path.GetFileNameWithoutExtension(name);
        string? fileSize = MixingLawsCheckpoint.IsSize(stem) ? MixingLawsCheckpoint.NormalizeSize(stem) : null;
        var builder = new MixingLawsTableBuilder(name, domains);
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var checkpoint = MixingLawsCheckpoint.Parse(line, name, lineNumber, fileSize);
            if (checkpoint is not null) builder.Add(checkpoint, lineNumber);
        }
        if (lineNumber == 0) throw new DataException("is empty (no log lines).", name);
        return builder.Build();
    }

    /// <summary>Reads every <c>&lt;size&gt;.txt</c> of a set folder (smallest model first) into one table.</summary>
    /// <param name="directory">The set folder, e.g. <c>data/mixinglaws/5Mix</c>.</param>
    /// <param name="domains">Training domain names in proportion order; default <see cref="DomainsOf"/> of the folder.</param>
    /// <exception cref="DataException">The folder is missing or holds no size files.</exception>
    public static RunTable ReadSet(string directory, IReadOnlyList<string>? domains = null)
    {
        if (!Directory.Exists(directory))
            throw new DataException($"folder not found (looked for '{Path.GetFullPath(directory)}').", directory);
        var files = Directory.GetFiles(directory, "*.txt")
            .Where(f => MixingLawsCheckpoint.IsSize(Path.GetFileNameWithoutExtension(f)))
            .OrderBy(f => NumberText.Parse(Path.GetFileNameWithoutExtension(f)))
            .ToList();
        if (files.Count == 0)
            throw new DataException("holds no log files named by model size (such as 70M.txt).", directory);
        return RunTable.Concat(files.Select(f => Read(f, domains)), directory);
    }
}
