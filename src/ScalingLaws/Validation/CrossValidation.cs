using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>
/// Seeded cross-validation: k-fold (every row predicted exactly once by a fit that did not see it) and
/// repeated random hold-outs. Splits depend only on the row count and the seed (Fisher–Yates on
/// <see cref="System.Random"/>); folds are fitted one after another, each fit using all cores, so the
/// result does not depend on the thread count.
/// </summary>
public static class CrossValidation
{
    /// <summary>
    /// The k folds of a seeded k-fold split: the rows are shuffled and cut into k contiguous parts whose
    /// sizes differ by at most one; fold i predicts part i and fits on the rest.
    /// </summary>
    /// <param name="rowCount">Number of rows n.</param>
    /// <param name="folds">Number of folds k, 2 ≤ k ≤ n.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <exception cref="ArgumentException">k is outside [2, n].</exception>
    public static ImmutableArray<HoldOutSplit> KFoldSplits(int rowCount, int folds, int seed)
    {
        if (folds < 2 || folds > rowCount)
            throw new ArgumentException($"k-fold cross-validation needs 2 ≤ k ≤ n; got k = {Text(folds)} for n = {Text(rowCount)} rows.", nameof(folds));
        var order = Shuffle.Permutation(rowCount, seed);
        var splits = ImmutableArray.CreateBuilder<HoldOutSplit>(folds);
        for (int f = 0; f < folds; f++)
        {
            int from = (int)((long)rowCount * f / folds), to = (int)((long)rowCount * (f + 1) / folds);
            var test = order[from..to].Order().ToList();
            splits.Add(HoldOutSplit.FromTestRows(rowCount, test));
        }
        return splits.MoveToImmutable();
    }

    /// <summary>
    /// <paramref name="repeats"/> random hold-outs of <paramref name="testCount"/> rows each (Monte Carlo
    /// cross-validation); split r uses seed <c>seed + r</c> (see <see cref="HoldOutSplit.Random"/>).
    /// </summary>
    /// <param name="rowCount">Number of rows n.</param>
    /// <param name="testCount">Rows held out in each split, 1 ≤ testCount &lt; n.</param>
    /// <param name="repeats">Number of splits, ≥ 1.</param>
    /// <param name="seed">Seed of the first split.</param>
    public static ImmutableArray<HoldOutSplit> RandomSplits(int rowCount, int testCount, int repeats, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        return [.. Enumerable.Range(0, repeats).Select(r => HoldOutSplit.Random(rowCount, testCount, unchecked(seed + r)))];
    }

    /// <summary>Seeded k-fold cross-validation of a law on a table.</summary>
    /// <param name="law">The law.</param>
    /// <param name="table">The runs.</param>
    /// <param name="target">Column of the observed loss.</param>
    /// <param name="folds">Number of folds k.</param>
    /// <param name="seed">Seed of the split (the fits use <see cref="FitOptions.Seed"/> of the options).</param>
    /// <param name="options">Binding and fit options; default <see cref="ValidationOptions.Default"/>.</param>
    /// <exception cref="DataException">A column is missing or holds text, or a used value is missing.</exception>
    /// <exception cref="FitSetupException">A fold's fit cannot be set up.</exception>
    public static CrossValidationResult KFold(IScalingLaw law, RunTable table, string target, int folds, int seed, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(table);
        options ??= ValidationOptions.Default;
        var usable = options.UsableRows(table, law, target);
        var splits = KFoldSplits(usable.Length, folds, seed).Select(s => s.Remap(usable, table.RowCount)).ToList();
        return Run(law, table, target, splits, options);
    }

    /// <summary>Seeded k-fold cross-validation of a law on fit data.</summary>
    /// <param name="law">The law.</param>
    /// <param name="data">The fit data.</param>
    /// <param name="folds">Number of folds k.</param>
    /// <param name="seed">Seed of the split.</param>
    /// <param name="options">Fit options; default the law's recipe.</param>
    public static CrossValidationResult KFold(IScalingLaw law, FitData data, int folds, int seed, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Run(law, data, KFoldSplits(data.Count, folds, seed), options);
    }

    /// <summary>Cross-validation over given splits of a table (e.g. <see cref="RandomSplits"/>).</summary>
    /// <param name="law">The law.</param>
    /// <param name="table">The runs.</param>
    /// <param name="target">Column of the observed loss.</param>
    /// <param name="splits">The splits, each made for this table.</param>
    /// <param name="options">Binding and fit options; default <see cref="ValidationOptions.Default"/>.</param>
    public static CrossValidationResult Run(IScalingLaw law, RunTable table, string target, IReadOnlyList<HoldOutSplit> splits, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(splits);
        if (splits.Count == 0) throw new ArgumentException("No splits to validate on.", nameof(splits));
        return Collect(law, target, splits.Select(s => HoldOut.Evaluate(law, table, target, s, options)).ToList());
    }

    /// <summary>Cross-validation over given splits of fit data.</summary>
    /// <param name="law">The law.</param>
    /// <param name="data">The fit data.</param>
    /// <param name="splits">The splits, each made for these rows.</param>
    /// <param name="options">Fit options; default the law's recipe.</param>
    public static CrossValidationResult Run(IScalingLaw law, FitData data, IReadOnlyList<HoldOutSplit> splits, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(splits);
        if (splits.Count == 0) throw new ArgumentException("No splits to validate on.", nameof(splits));
        return Collect(law, data.Target, splits.Select(s => HoldOut.Evaluate(law, data, s, options)).ToList());
    }

    private static CrossValidationResult Collect(IScalingLaw law, string target, List<HoldOutResult> folds)
    {
        var observed = folds.SelectMany(f => f.Observed).ToArray();
        var predicted = folds.SelectMany(f => f.Predicted).ToArray();
        var first = folds[0].Fit;
        return new CrossValidationResult
        {
            Law = law,
            Target = target,
            Folds = [.. folds],
            Pooled = PredictionMetrics.Compute(observed, predicted, first.Loss, first.Space),
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
