using System.Text.RegularExpressions;

namespace ScalingLaws.Data;

/// <summary>
/// Reads RegMix data (Liu et al., sail-sg/regmix): a mixture file (<c>index</c> plus one
/// <c>train_the_pile_&lt;domain&gt;</c> weight column per training domain) joined on <c>index</c> with a
/// loss file (<c>index</c> plus <c>metric/the_pile_&lt;domain&gt;_val_loss</c> columns). The result has
/// <c>index</c>, <c>w_&lt;domain&gt;</c> (e.g. <c>w_pile_cc</c>) and <c>loss_&lt;domain&gt;</c> (e.g.
/// <c>loss_pile_cc</c>), one row per mixture in the mixture file's order, located at its mixture-file line.
/// Mixtures without a loss row are left out; a loss row without a mixture is an error.
/// </summary>
public static partial class RegMixReader
{
    /// <summary>The mixture and loss file names of a set.</summary>
    /// <param name="set">The set.</param>
    public static (string Mixture, string Loss) FileNames(RegMixSet set) => set switch
    {
        RegMixSet.Train1M => ("train_mixture_1m.csv", "train_pile_loss_1m.csv"),
        RegMixSet.Test1M => ("test_mixture_1m.csv", "test_pile_loss_1m.csv"),
        RegMixSet.Test60M => ("test_mixture_60m.csv", "test_pile_loss_60m.csv"),
        RegMixSet.Test1B => ("test_mixture_1B.csv", "test_pile_loss_1B.csv"),
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, "Unknown RegMix set."),
    };

    /// <summary>Reads one set from the folder that holds the RegMix CSV files.</summary>
    /// <param name="directory">Folder, e.g. <c>data/regmix</c>.</param>
    /// <param name="set">Which pair of files.</param>
    public static RunTable Read(string directory, RegMixSet set)
    {
        var (mixture, loss) = FileNames(set);
        return Read(Path.Combine(directory, mixture), Path.Combine(directory, loss));
    }

    /// <summary>Reads and joins a mixture file and a loss file.</summary>
    /// <param name="mixturePath">The <c>*_mixture_*.csv</c> file.</param>
    /// <param name="lossPath">The matching <c>*_pile_loss_*.csv</c> file.</param>
    /// <exception cref="DataException">A file is missing or malformed, an index repeats, or a loss row has no mixture.</exception>
    public static RunTable Read(string mixturePath, string lossPath)
    {
        var mixtures = CsvRunReader.Read(mixturePath);
        var losses = CsvRunReader.Read(lossPath);
        var mixtureIndex = IndexOf(mixtures);
        var lossIndex = IndexOf(losses);
        foreach (var (id, row) in lossIndex)
            if (!mixtureIndex.ContainsKey(id))
            {
                var source = losses.RowSource(row);
                throw new DataException($"index {Invariant.Format(id)} has losses but no mixture in {mixturePath}.", source.File, source.Line);
            }

        var kept = Enumerable.Range(0, mixtures.RowCount)
            .Where(i => lossIndex.ContainsKey(mixtures.Numeric("index")[i])).ToList();
        var lossRows = kept.Select(i => lossIndex[mixtures.Numeric("index")[i]]).ToList();
        var columns = new List<RunColumn> { mixtures.Column("index").Select(kept) };
        columns.AddRange(mixtures.Columns.Where(c => c.Name != "index").Select(c => RequireNumeric(mixtures, c).Select(kept).WithName("w_" + WeightDomain(c.Name))));
        columns.AddRange(losses.Columns.Where(c => c.Name != "index").Select(c => RequireNumeric(losses, c).Select(lossRows).WithName("loss_" + LossDomain(c.Name))));
        var duplicate = columns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DataException($"two columns would both be named '{duplicate.Key}'.", mixturePath);
        return new RunTable(mixturePath, columns, kept.Select(mixtures.RowSource));
    }

    private static RunColumn RequireNumeric(RunTable table, RunColumn column)
    {
        table.Numeric(column.Name);
        return column;
    }

    private static Dictionary<double, int> IndexOf(RunTable table)
    {
        var values = table.Numeric("index");
        var index = new Dictionary<double, int>();
        for (int i = 0; i < values.Length; i++)
        {
            var source = table.RowSource(i);
            if (double.IsNaN(values[i])) throw new DataException("missing value in column 'index'.", source.File, source.Line);
            if (!index.TryAdd(values[i], i))
                throw new DataException($"index {Invariant.Format(values[i])} appears twice (also at {table.RowSource(index[values[i]])}).", source.File, source.Line);
        }
        return index;
    }

    /// <summary><c>train_the_pile_pile_cc</c> → <c>pile_cc</c>.</summary>
    private static string WeightDomain(string header) => ColumnNames.Sanitize(WeightPrefix().Replace(header, ""));

    /// <summary><c>metric/the_pile_pile_cc_val_loss</c> → <c>pile_cc</c>.</summary>
    private static string LossDomain(string header)
    {
        var match = LossHeader().Match(header);
        return ColumnNames.Sanitize(match.Success ? match.Groups[1].Value : header);
    }

    [GeneratedRegex(@"^(train_)?(the_pile_)?")]
    private static partial Regex WeightPrefix();

    [GeneratedRegex(@"^(?:metric/)?(?:the_pile_)?(.+?)(?:_val_loss)?$")]
    private static partial Regex LossHeader();
}
