using System.Collections.Immutable;

namespace ScalingLaws.Data;

/// <summary>
/// Reads the data-constrained runs of Muennighoff et al. (huggingface/datablations, transcribed from
/// <c>utils/parametric_fit.ipynb</c>): columns <c>run_name, params_N, tokens_D, unique_tokens_U, val_loss</c>.
/// The result keeps them and adds <c>N</c> (parameters), <c>D</c> (training tokens), <c>U</c> (unique
/// tokens), <c>loss</c> (C4 validation loss, nats) and <c>epochs</c> = D / U.
/// </summary>
public static class DatablationsReader
{
    private static readonly CsvRunReaderOptions Options = new() { TextColumns = ImmutableHashSet.Create("run_name") };

    /// <summary>Reads one of the datablations CSV files.</summary>
    /// <param name="path">Path of the CSV.</param>
    /// <exception cref="DataException">The file is missing or malformed, or lacks a column.</exception>
    public static RunTable Read(string path)
    {
        var table = CsvRunReader.Read(path, Options);
        var d = table.Numeric("tokens_D");
        var u = table.Numeric("unique_tokens_U");
        return table
            .WithColumn("N", table.Numeric("params_N"))
            .WithColumn("D", d)
            .WithColumn("U", u)
            .WithColumn("loss", table.Numeric("val_loss"))
            .WithColumn("epochs", d.Zip(u, (di, ui) => di / ui).ToArray());
    }
}
