using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>
/// Held-out validation: fit a law on some runs and predict the others (for example fit on the small
/// models and predict the largest, or fit on some mixtures and predict unseen ones), reporting the
/// error measures of <see cref="PredictionMetrics"/> on both sets. The fit is
/// <see cref="LevenbergMarquardt.Fit(IScalingLaw, FitData, FitOptions?)"/> with the given options, so a
/// hold-out is as deterministic as the fit.
/// </summary>
public static class HoldOut
{
    /// <summary>Fits on the split's fitting rows of <paramref name="table"/> and predicts its test rows.</summary>
    /// <param name="law">The law.</param>
    /// <param name="table">The runs.</param>
    /// <param name="target">Column of the observed loss.</param>
    /// <param name="split">Which rows to fit and which to predict (see <see cref="HoldOutSplit"/>'s factories).</param>
    /// <param name="options">Binding and fit options; default <see cref="ValidationOptions.Default"/>.</param>
    /// <exception cref="DataException">A column is missing or holds text, or a used value is missing (with <see cref="MissingValuePolicy.Error"/>).</exception>
    /// <exception cref="FitSetupException">The fit cannot be set up (e.g. fewer fitting rows than free parameters).</exception>
    /// <exception cref="ArgumentException">The split was made for a table with another number of rows, or no usable row is left on one side.</exception>
    public static HoldOutResult Evaluate(IScalingLaw law, RunTable table, string target, HoldOutSplit split, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(split);
        options ??= ValidationOptions.Default;
        if (split.RowCount != table.RowCount)
            throw new ArgumentException($"The split was made for {split.RowCount} rows but the table has {table.RowCount}.", nameof(split));
        split = split.Restrict(options.UsableRows(table, law, target));
        var fitData = options.Bind(table, split.FitRows, law, target);
        var testData = options.Bind(table, split.TestRows, law, target);
        return Run(law, fitData, testData, split.FitRows, split.TestRows, options.Fit);
    }

    /// <summary>Fits on the rows for which <paramref name="isFitRow"/> is true and predicts the others.</summary>
    /// <param name="law">The law.</param>
    /// <param name="table">The runs.</param>
    /// <param name="target">Column of the observed loss.</param>
    /// <param name="isFitRow">Whether a row is used for fitting, e.g. <c>r =&gt; r.Number("N") &lt; 1e9</c>.</param>
    /// <param name="options">Binding and fit options; default <see cref="ValidationOptions.Default"/>.</param>
    /// <exception cref="DataException">A column is missing or holds text, or a used value is missing.</exception>
    /// <exception cref="FitSetupException">The fit cannot be set up.</exception>
    /// <exception cref="ArgumentException">The predicate selects no row, or every row.</exception>
    public static HoldOutResult Evaluate(IScalingLaw law, RunTable table, string target, Func<RunRow, bool> isFitRow, ValidationOptions? options = null) =>
        Evaluate(law, table, target, HoldOutSplit.Where(table, isFitRow), options);

    /// <summary>Fits on every row of <paramref name="fitTable"/> and predicts every row of <paramref name="testTable"/> (e.g. RegMix's training and test mixtures).</summary>
    /// <param name="law">The law.</param>
    /// <param name="fitTable">Runs to fit on.</param>
    /// <param name="testTable">Runs to predict; the same columns are read.</param>
    /// <param name="target">Column of the observed loss in both tables.</param>
    /// <param name="options">Binding and fit options; default <see cref="ValidationOptions.Default"/>.</param>
    /// <exception cref="DataException">A column is missing or holds text, or a used value is missing.</exception>
    /// <exception cref="FitSetupException">The fit cannot be set up.</exception>
    public static HoldOutResult Evaluate(IScalingLaw law, RunTable fitTable, RunTable testTable, string target, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(fitTable);
        ArgumentNullException.ThrowIfNull(testTable);
        ArgumentNullException.ThrowIfNull(target);
        options ??= ValidationOptions.Default;
        var fitRows = options.UsableRows(fitTable, law, target);
        var testRows = options.UsableRows(testTable, law, target);
        if (fitRows.Length == 0) throw new DataException("no usable rows to fit on.", fitTable.Name);
        if (testRows.Length == 0) throw new DataException("no usable rows to predict.", testTable.Name);
        var fitData = options.Bind(fitTable, fitRows, law, target);
        var testData = options.Bind(testTable, testRows, law, target);
        return Run(law, fitData, testData, [.. fitRows], [.. testRows], options.Fit);
    }

    /// <summary>Fits on the split's fitting rows of <paramref name="data"/> and predicts its test rows.</summary>
    /// <param name="law">The law.</param>
    /// <param name="data">The fit data (variables in the law's order).</param>
    /// <param name="split">Row indices of <paramref name="data"/>.</param>
    /// <param name="options">Fit options; default the law's recipe.</param>
    /// <exception cref="ArgumentException">The split was made for another number of rows.</exception>
    /// <exception cref="FitSetupException">The fit cannot be set up.</exception>
    public static HoldOutResult Evaluate(IScalingLaw law, FitData data, HoldOutSplit split, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        if (split.RowCount != data.Count)
            throw new ArgumentException($"The split was made for {split.RowCount} rows but the data have {data.Count}.", nameof(split));
        return Run(law, data.Subset(split.FitRows.AsSpan()), data.Subset(split.TestRows.AsSpan()), split.FitRows, split.TestRows, options);
    }

    /// <summary>Fits on all of <paramref name="fitData"/> and predicts all of <paramref name="testData"/>.</summary>
    /// <param name="law">The law.</param>
    /// <param name="fitData">Rows to fit on.</param>
    /// <param name="testData">Rows to predict (same variables).</param>
    /// <param name="options">Fit options; default the law's recipe.</param>
    /// <exception cref="ArgumentException">The two data sets have different variables.</exception>
    /// <exception cref="FitSetupException">The fit cannot be set up.</exception>
    public static HoldOutResult Evaluate(IScalingLaw law, FitData fitData, FitData testData, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fitData);
        ArgumentNullException.ThrowIfNull(testData);
        return Run(law, fitData, testData, [.. Enumerable.Range(0, fitData.Count)], [.. Enumerable.Range(0, testData.Count)], options);
    }

    /// <summary>
    /// Like <see cref="Evaluate(IScalingLaw, FitData, HoldOutSplit, FitOptions?)"/> for the law of <paramref name="fit"/>,
    /// a fit to all of <paramref name="data"/>, but the fitting rows are refitted from that fit's optima
    /// (<see cref="LevenbergMarquardt.Refit"/>) rather than from the start set: the same estimate (the minimiser
    /// of the objective on the fitting rows, chosen on those rows only) at the cost of the fit's last phase.
    /// </summary>
    internal static HoldOutResult Refit(FitResult fit, FitData data, HoldOutSplit split, FitOptions options)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        if (split.RowCount != data.Count)
            throw new ArgumentException($"The split was made for {split.RowCount} rows but the data have {data.Count}.", nameof(split));
        var fitData = data.Subset(split.FitRows.AsSpan());
        return Run(fit.Law, fitData, data.Subset(split.TestRows.AsSpan()), split.FitRows, split.TestRows,
            () => LevenbergMarquardt.Refit(fit, fitData, options));
    }

    internal static HoldOutResult Run(IScalingLaw law, FitData fitData, FitData testData,
        ImmutableArray<int> fitRows, ImmutableArray<int> testRows, FitOptions? options) =>
        Run(law, fitData, testData, fitRows, testRows, () => LevenbergMarquardt.Fit(law, fitData, options));

    private static HoldOutResult Run(IScalingLaw law, FitData fitData, FitData testData,
        ImmutableArray<int> fitRows, ImmutableArray<int> testRows, Func<FitResult> fitter)
    {
        ArgumentNullException.ThrowIfNull(law);
        if (!fitData.Variables.SequenceEqual(testData.Variables))
            throw new ArgumentException(
                $"The fitting data ({string.Join(", ", fitData.Variables)}) and the test data ({string.Join(", ", testData.Variables)}) have different variables.",
                nameof(testData));
        if (testData.Count == 0) throw new ArgumentException("There are no rows to predict.", nameof(testData));
        var fit = fitter();
        var fitted = fit.Predict(fitData);
        var predicted = fit.Predict(testData);
        return new HoldOutResult
        {
            Law = law,
            Target = fitData.Target,
            Fit = fit,
            FitRows = fitRows,
            TestRows = testRows,
            Observed = [.. testData.Y],
            Predicted = [.. predicted],
            FitMetrics = PredictionMetrics.Compute(fitData.Y, fitted, fit.Loss, fit.Space),
            TestMetrics = PredictionMetrics.Compute(testData.Y, predicted, fit.Loss, fit.Space),
        };
    }
}
