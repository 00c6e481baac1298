namespace ScalingLaws.Data;

/// <summary>
/// Loads runs from a path in any supported format, detected from the file's shape when not given:
/// a folder of <c>&lt;size&gt;.txt</c> logs or a file of <c>checkpoint&lt;TAB&gt;valid_file&lt;TAB&gt;loss</c>
/// lines is <see cref="DataFormat.MixingLaws"/>; a header with <c>Model Size</c>, <c>Training FLOP</c>
/// and <c>loss</c> is <see cref="DataFormat.EpochChinchilla"/>; one with <c>params_N</c>, <c>tokens_D</c>,
/// <c>unique_tokens_U</c> and <c>val_loss</c> is <see cref="DataFormat.Datablations"/>; one with
/// <c>index</c> and <c>train_the_pile_*</c> or <c>metric/the_pile_*</c> columns is
/// <see cref="DataFormat.RegMix"/>; anything else is <see cref="DataFormat.Tsv"/> for <c>.tsv</c>/<c>.tab</c>
/// names or a tab-separated header and <see cref="DataFormat.Csv"/> (comma or semicolon, see <see cref="CsvRunReader.Separator"/>) otherwise.
/// </summary>
public static class RunTableLoader
{
    /// <summary>Loads the runs at <paramref name="path"/>.</summary>
    /// <param name="path">A file, or a mixinglaws set folder.</param>
    /// <param name="format">The format; <c>null</c> (default) detects it with <see cref="Detect"/>.</param>
    /// <exception cref="DataException">The path is missing, or the data cannot be read.</exception>
    public static RunTable Load(string path, DataFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var chosen = format ?? Detect(path);
        if (Directory.Exists(path) && chosen != DataFormat.MixingLaws)
            throw new DataException($"is a folder; only the {DataFormat.MixingLaws} format reads folders.", path);
        return chosen switch
        {
            DataFormat.Csv => CsvRunReader.Read(path),
            DataFormat.Tsv => CsvRunReader.Read(path, CsvRunReaderOptions.Default with { Separator = '\t' }),
            DataFormat.EpochChinchilla => EpochChinchillaReader.Read(path),
            DataFormat.Datablations => DatablationsReader.Read(path),
            DataFormat.RegMix => LoadRegMix(path),
            DataFormat.MixingLaws => Directory.Exists(path) ? MixingLawsReader.ReadSet(path) : MixingLawsReader.Read(path),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown data format."),
        };
    }

    /// <summary>Detects the format of the file or folder at <paramref name="path"/> (see the class summary).</summary>
    /// <param name="path">A file or folder.</param>
    /// <exception cref="DataException">The path is missing, or is a JSON file or a folder that holds no logs.</exception>
    public static DataFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            if (Directory.GetFiles(path, "*.txt").Any(f => MixingLawsCheckpoint.IsSize(Path.GetFileNameWithoutExtension(f))))
                return DataFormat.MixingLaws;
            throw new DataException("is a folder that holds no mixinglaws logs (<size>.txt); give a data file.", path);
        }
        DataFiles.RequireFile(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            throw new DataException("is JSON; run data must be CSV, TSV or a training log (domain weights are read by DomainWeightsReader).", path);
        string firstLine;
        using (var reader = DataFiles.OpenText(path))
            firstLine = CsvRunReader.FirstLine(reader);
        var tabFields = firstLine.Split('\t');
        if (tabFields.Length == 3 && tabFields[0].Contains('/') && tabFields[1].Contains(".bin", StringComparison.Ordinal))
            return DataFormat.MixingLaws;
        char separator = CsvRunReader.Separator(path, firstLine);
        var header = firstLine.Split(separator).Select(h => h.Trim().Trim('"')).ToHashSet(StringComparer.Ordinal);
        if (header.IsSupersetOf(["Model Size", "Training FLOP", "loss"])) return DataFormat.EpochChinchilla;
        if (header.IsSupersetOf(["params_N", "tokens_D", "unique_tokens_U", "val_loss"])) return DataFormat.Datablations;
        if (header.Contains("index") && header.Any(h => h.StartsWith("train_the_pile_", StringComparison.Ordinal) || h.StartsWith("metric/the_pile_", StringComparison.Ordinal)))
            return DataFormat.RegMix;
        return separator == '\t' ? DataFormat.Tsv : DataFormat.Csv;
    }

    private static RunTable LoadRegMix(string path)
    {
        string file = Path.GetFileName(path);
        string directory = Path.GetDirectoryName(path) ?? "";
        bool isMixture = file.Contains("mixture", StringComparison.Ordinal);
        string partner = isMixture ? file.Replace("mixture", "pile_loss", StringComparison.Ordinal)
            : file.Replace("pile_loss", "mixture", StringComparison.Ordinal);
        string partnerPath = Path.Combine(directory, partner);
        if (partner == file || !File.Exists(partnerPath))
            throw new DataException(
                $"is a RegMix {(isMixture ? "mixture" : "loss")} file; its {(isMixture ? "loss" : "mixture")} file was expected at '{partnerPath}'. Use RegMixReader.Read(mixturePath, lossPath) for other names.", path);
        return isMixture ? RegMixReader.Read(path, partnerPath) : RegMixReader.Read(partnerPath, path);
    }
}
