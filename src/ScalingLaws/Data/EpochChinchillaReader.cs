using System.Runtime.InteropServices;

namespace ScalingLaws.Data;

/// <summary>
/// Reads the Chinchilla points that Besiroglu et al. extracted from Hoffmann et al.'s Figure 4
/// (epoch-research/analyzing-chinchilla, <c>data/svg_extracted_data.csv</c>) into columns
/// <c>N</c> (parameters, from <c>Model Size</c>), <c>C</c> (training FLOP, from <c>Training FLOP</c>),
/// <c>D</c> = C / (6 N) (tokens) and <c>loss</c> (nats).
/// </summary>
public static class EpochChinchillaReader
{
    /// <summary>How many highest-loss points the published replication drops (245 → 240 points).</summary>
    public const int PublishedDropCount = 5;

    /// <summary>Reads the file, optionally dropping the points with the highest loss.</summary>
    /// <param name="path">Path of <c>svg_extracted_data.csv</c>.</param>
    /// <param name="dropHighestLoss">How many highest-loss points to drop (ties: the earlier row goes first). Default 0; use <see cref="PublishedDropCount"/> to reproduce the replication.</param>
    /// <exception cref="DataException">The file is missing or malformed, or lacks a column.</exception>
    public static RunTable Read(string path, int dropHighestLoss = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dropHighestLoss);
        var raw = CsvRunReader.Read(path);
        var n = raw.Numeric("Model Size");
        var c = raw.Numeric("Training FLOP");
        var loss = raw.Numeric("loss");
        var d = new double[n.Length];
        for (int i = 0; i < d.Length; i++) d[i] = c[i] / (6 * n[i]);
        if (dropHighestLoss >= raw.RowCount)
            throw new DataException($"cannot drop {dropHighestLoss} of {raw.RowCount} points.", path);
        var table = new RunTable(path,
        [
            RunColumn.Numeric("N", n),
            RunColumn.Numeric("C", c),
            RunColumn.Numeric("D", ImmutableCollectionsMarshal.AsImmutableArray(d)),
            RunColumn.Numeric("loss", loss),
        ], raw.Origins);
        if (dropHighestLoss == 0) return table;
        var dropped = Enumerable.Range(0, loss.Length)
            .OrderByDescending(i => loss[i]).ThenBy(i => i)
            .Take(dropHighestLoss).ToHashSet();
        return table.Where(Enumerable.Range(0, loss.Length).Where(i => !dropped.Contains(i)).ToList());
    }
}
