using System.Globalization;
using System.Text;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Validation;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Continual;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Display;

/// <summary>
/// Plain-text views of the library's results (the text counterpart of <see cref="HtmlView"/>): the reports the types
/// already write, and a fixed-width head for tables. Culture-invariant.
/// </summary>
public static class TextView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The first <paramref name="rows"/> rows of a table in fixed-width columns.</summary>
    /// <param name="table">The table.</param>
    /// <param name="rows">How many rows, ≥ 0; default 10.</param>
    public static string Head(RunTable table, int rows = HtmlView.DefaultHeadRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int shown = Math.Min(rows, table.RowCount);
        var lines = new List<string[]> { table.ColumnNames.ToArray() };
        for (int i = 0; i < shown; i++)
            lines.Add([.. table.Columns.Select(c => c.IsMissing(i) ? "" : c.Kind == ColumnKind.Numeric ? c.Numbers[i].ToString("G6", Inv) : c.Texts[i])]);
        var widths = Enumerable.Range(0, table.ColumnCount).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder(string.Create(Inv, $"{table.Name}: {table.RowCount} rows × {table.ColumnCount} columns"));
        if (shown < table.RowCount) text.Append(string.Create(Inv, $", first {shown} shown"));
        text.Append('\n');
        foreach (var line in lines) text.Append(string.Join("  ", line.Select((cell, c) => cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    /// <summary>The text of any value with a view in <see cref="HtmlView"/>; null for other values.</summary>
    /// <param name="value">A value.</param>
    public static string? TryRender(object? value) => value switch
    {
        FitResult fit => fit.Report(),
        RunTable table => Head(table),
        MixturePlan plan => plan.Report(),
        BudgetAllocation a => string.Create(Inv,
            $"C = {a.Compute:G4} → N = {a.ModelSize:G4}, D = {a.Tokens:G4} ({a.TokensPerParameter:G3} tokens/parameter), loss {a.Loss:G6}"),
        ContinualPretrainingChoice c => string.Create(Inv,
            $"domain share {c.DomainShare:G6}: domain loss {c.DomainLoss:G6}, general loss {c.GeneralLoss:G6} (limit {c.GeneralLimit:G6}) — {c.Message}"),
        CriticalMixtureRatioResult r => string.Create(Inv,
            $"critical mixture ratio {r.Ratio:G6} ({r.Status}): general loss {r.GeneralLossAtRatio:G6} ≤ limit {r.Limit:G6} (pre-training {r.PreTrainingLoss:G6})"),
        HoldOutResult h => h.Summary(),
        CrossValidationResult cv => string.Create(Inv,
            $"{cv.Law.Name} → {cv.Target}: {cv.Folds.Length} folds, pooled held-out MAE {cv.Pooled.MeanAbsoluteError:G4}, RMSE {cv.Pooled.RootMeanSquareError:G4}"),
        LawComparisonResult comparison => comparison.ToText(),
        _ => null,
    };
}
