using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Data;

namespace ScalingLaws.Validation;

/// <summary>
/// Which rows a hold-out fits on and which it predicts: 0-based row indices of one table (or
/// <see cref="Fitting.FitData"/>), disjoint and each non-empty. Rows in neither list are not used.
/// </summary>
public sealed record HoldOutSplit
{
    /// <summary>Creates a split; use the factories for the common cases.</summary>
    /// <param name="rowCount">Rows of the table the indices refer to.</param>
    /// <param name="fitRows">Rows the law is fitted on.</param>
    /// <param name="testRows">Rows whose loss is predicted.</param>
    /// <exception cref="ArgumentException">An index is outside the table or repeats, the lists overlap, or one is empty.</exception>
    public HoldOutSplit(int rowCount, IEnumerable<int> fitRows, IEnumerable<int> testRows)
        : this(rowCount, [.. fitRows ?? throw new ArgumentNullException(nameof(fitRows))], [.. testRows ?? throw new ArgumentNullException(nameof(testRows))])
    {
    }

    /// <summary>A split over the given index lists, checked as the public constructor checks them (one bit per table row).</summary>
    private HoldOutSplit(int rowCount, ImmutableArray<int> fitRows, ImmutableArray<int> testRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        RowCount = rowCount;
        FitRows = fitRows;
        TestRows = testRows;
        var seen = new System.Collections.BitArray(rowCount);
        foreach (var list in (ReadOnlySpan<ImmutableArray<int>>)[FitRows, TestRows])
            foreach (int i in list)
            {
                if ((uint)i >= (uint)rowCount)
                    throw new ArgumentException($"Row index {Text(i)} lies outside the table of {Text(rowCount)} rows.", nameof(fitRows));
                if (seen[i])
                    throw new ArgumentException($"Row {Text(i)} is listed twice (a row is either fitted or predicted, once).", nameof(testRows));
                seen[i] = true;
            }
        if (FitRows.IsEmpty) throw new ArgumentException("The split has no rows to fit on.", nameof(fitRows));
        if (TestRows.IsEmpty) throw new ArgumentException("The split has no rows to predict.", nameof(testRows));
    }

    /// <summary>Rows of the table the indices refer to.</summary>
    public int RowCount { get; }

    /// <summary>Rows the law is fitted on, in increasing order as given.</summary>
    public ImmutableArray<int> FitRows { get; }

    /// <summary>Rows whose loss is predicted.</summary>
    public ImmutableArray<int> TestRows { get; }

    /// <summary>Fit on the given rows, predict all the others.</summary>
    /// <param name="rowCount">Rows of the table.</param>
    /// <param name="fitRows">Rows to fit on.</param>
    public static HoldOutSplit FromFitRows(int rowCount, IEnumerable<int> fitRows)
    {
        var fit = fitRows.ToHashSet();
        return new HoldOutSplit(rowCount, fit.Order(), Enumerable.Range(0, rowCount).Where(i => !fit.Contains(i)));
    }

    /// <summary>Predict the given rows, fit on all the others.</summary>
    /// <param name="rowCount">Rows of the table.</param>
    /// <param name="testRows">Rows to predict.</param>
    public static HoldOutSplit FromTestRows(int rowCount, IEnumerable<int> testRows)
    {
        ArgumentNullException.ThrowIfNull(testRows);
        var test = testRows.ToHashSet();
        int inside = test.Count(i => (uint)i < (uint)Math.Max(rowCount, 0));
        var fit = ImmutableArray.CreateBuilder<int>(Math.Max(rowCount, 0) - inside);
        for (int i = 0; i < rowCount; i++) if (!test.Contains(i)) fit.Add(i);
        return new HoldOutSplit(rowCount, fit.MoveToImmutable(), [.. test.Order()]);
    }

    /// <summary>Fit on the rows for which <paramref name="isFitRow"/> is true, predict the rest.</summary>
    /// <param name="table">The runs.</param>
    /// <param name="isFitRow">Whether a row is used for fitting (e.g. <c>r =&gt; r.Number("N") &lt; 1e9</c>).</param>
    public static HoldOutSplit Where(RunTable table, Func<RunRow, bool> isFitRow)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(isFitRow);
        var fit = table.Rows.Where(isFitRow).Select(r => r.Index).ToList();
        return FromFitRows(table.RowCount, fit);
    }

    /// <summary>
    /// Extrapolation in one column: predict the rows holding the <paramref name="levels"/> largest distinct
    /// values of <paramref name="column"/> and fit on the rows below them, e.g. fit on the small models
    /// and predict the largest (<c>ByLargest(table, "N")</c>). Rows where the column is missing are unused.
    /// </summary>
    /// <param name="table">The runs.</param>
    /// <param name="column">A numeric column, e.g. <c>N</c> or <c>D</c>.</param>
    /// <param name="levels">How many of the largest distinct values are held out; default 1.</param>
    /// <exception cref="DataException">No such numeric column.</exception>
    /// <exception cref="ArgumentException">The column has no more than <paramref name="levels"/> distinct values.</exception>
    public static HoldOutSplit ByLargest(RunTable table, string column, int levels = 1)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        var values = table.Numeric(column);
        var distinct = values.Where(v => !double.IsNaN(v)).Distinct().Order().ToList();
        if (distinct.Count <= levels)
            throw new ArgumentException(
                $"Column '{column}' has {Text(distinct.Count)} distinct value(s); holding out the largest {Text(levels)} would leave nothing to fit on.", nameof(levels));
        double threshold = distinct[^levels];
        var fit = Enumerable.Range(0, values.Length).Where(i => values[i] < threshold);
        var test = Enumerable.Range(0, values.Length).Where(i => values[i] >= threshold);
        return new HoldOutSplit(table.RowCount, fit, test);
    }

    /// <summary>
    /// <paramref name="testCount"/> rows drawn at random (seeded Fisher–Yates shuffle) are predicted, the
    /// rest fitted.
    /// </summary>
    /// <param name="rowCount">Rows of the table.</param>
    /// <param name="testCount">Rows to hold out, 1 ≤ testCount &lt; rowCount.</param>
    /// <param name="seed">Seed of the shuffle; the same seed gives the same split.</param>
    public static HoldOutSplit Random(int rowCount, int testCount, int seed)
    {
        if (testCount < 1 || testCount >= rowCount)
            throw new ArgumentException($"Cannot hold out {Text(testCount)} of {Text(rowCount)} rows; hold out at least 1 and leave at least 1 to fit.", nameof(testCount));
        var order = Shuffle.Permutation(rowCount, seed);
        return new HoldOutSplit(rowCount, order[testCount..].Order(), order[..testCount].Order());
    }

    /// <summary>The same split expressed in the rows of a larger table: index i becomes <paramref name="rows"/>[i].</summary>
    internal HoldOutSplit Remap(IReadOnlyList<int> rows, int rowCount) =>
        new(rowCount, FitRows.Select(i => rows[i]), TestRows.Select(i => rows[i]));

    /// <summary>The split without the rows that are not in <paramref name="usable"/> (itself when every row is usable).</summary>
    internal HoldOutSplit Restrict(IReadOnlyCollection<int> usable)
    {
        if (usable.Count == RowCount) return this;
        var set = usable.ToHashSet();
        return new HoldOutSplit(RowCount, FitRows.Where(set.Contains), TestRows.Where(set.Contains));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
