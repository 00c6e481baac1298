using System.Globalization;
using System.Text;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Validation;
using ScalingLaws.Optimization.Compute;
using ScalingLaws.Optimization.Continual;
using ScalingLaws.Optimization.Mixtures;
using static ScalingLaws.Display.HtmlTable;

namespace ScalingLaws.Display;

/// <summary>
/// HTML fragments (a heading line, tables, a warning list; no script, no style sheet) of the library's results, for
/// notebooks and reports. Numbers are culture-invariant, six significant digits. A notebook shows these for a cell
/// ending in a result of one of these types.
/// </summary>
public static partial class HtmlView
{
    /// <summary>Rows of a <see cref="RunTable"/> shown by default: 10.</summary>
    public const int DefaultHeadRows = 10;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// A fit: law, target, termination and objective; a parameter table (value ± standard error, relative error,
    /// bounds, bound state, start value); the statistics; the reason standard errors are unavailable; warnings.
    /// </summary>
    /// <param name="fit">The fit.</param>
    public static string Render(FitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var html = Open("fit");
        html.Append("<p><strong>").Append(Encode(fit.Law.Name)).Append(" → ").Append(Encode(fit.Target)).Append("</strong>: ")
            .Append(fit.IsUsable ? "converged" : "<strong>NOT converged</strong>").Append(" (").Append(Encode(fit.Termination.Describe()))
            .Append("), objective ").Append(G(fit.Objective)).Append(", ").Append(Encode(fit.Loss.ToText())).Append(" loss on ")
            .Append(fit.Space.ToString().ToLowerInvariant()).Append(" residuals; ")
            .Append(Encode(string.Create(Inv, $"{fit.Starts.Tried} starts, {fit.Starts.ReachedBest} reached the best")))
            .Append("</p>\n");
        var parameters = new HtmlTable("Parameters", "parameter", "value", "± SE", "SE %", "lower", "upper", "bound", "start");
        foreach (var p in fit.Parameters)
            parameters.Row(Text(p.Name), Number(G(p.Value)), Number(p.StandardError is { } se ? G(se) : ""),
                Number(p.RelativeErrorPercent is { } pct ? pct.ToString("F2", Inv) : ""), Number(G(p.Lower)), Number(G(p.Upper)),
                Text(BoundText(p.Bound)), Number(G(p.Initial)));
        parameters.WriteTo(html);
        var s = fit.Statistics;
        new HtmlTable("Statistics", "n", "k", "dof", "RSS", "RMSE", "R²", "AIC", "BIC", "MAE", "MRE %")
            .Row(Number(s.Count.ToString(Inv)), Number(s.FreeParameters.ToString(Inv)), Number(s.DegreesOfFreedom.ToString(Inv)),
                Number(G(s.ResidualSumOfSquares)), Number(G(s.RootMeanSquareError)), Number(G(s.RSquared)), Number(G(s.Aic)),
                Number(G(s.Bic)), Number(G(s.MeanAbsoluteError)), Number(G(100 * s.MeanRelativeError)))
            .WriteTo(html);
        if (!fit.Covariance.IsAvailable)
            html.Append("<p>Standard errors unavailable: ").Append(Encode(fit.Covariance.Reason ?? "")).Append("</p>\n");
        Warnings(html, fit.Warnings);
        return Close(html);
    }

    /// <summary>The first <paramref name="rows"/> rows of a table (all columns, missing cells empty), like a data frame's head.</summary>
    /// <param name="table">The table.</param>
    /// <param name="rows">How many rows, ≥ 0; default 10.</param>
    public static string Render(RunTable table, int rows = DefaultHeadRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int shown = Math.Min(rows, table.RowCount);
        var html = Open("table");
        html.Append("<p><strong>").Append(Encode(table.Name)).Append("</strong>: ")
            .Append(Encode(string.Create(Inv, $"{table.RowCount} rows × {table.ColumnCount} columns"))).Append(shown < table.RowCount
                ? Encode(string.Create(Inv, $", first {shown} shown")) : "").Append("</p>\n");
        var head = new HtmlTable("", ["", .. table.ColumnNames]);
        for (int i = 0; i < shown; i++)
            head.Row([Number(i.ToString(Inv)), .. table.Columns.Select(c => c.IsMissing(i) ? Text("")
                : c.Kind == ColumnKind.Numeric ? Number(G(c.Numbers[i])) : Text(c.Texts[i]))]);
        head.WriteTo(html);
        return Close(html);
    }

    /// <summary>
    /// The HTML of any value whose type has a view here (fits, tables, plans, allocations, continual pre-training
    /// choices, critical ratios, hold-outs, cross-validations, law comparisons); null for other values.
    /// </summary>
    /// <param name="value">A value.</param>
    public static string? TryRender(object? value) => value switch
    {
        FitResult fit => Render(fit),
        RunTable table => Render(table),
        MixturePlan plan => Render(plan),
        BudgetAllocation allocation => Render(allocation),
        ContinualPretrainingChoice choice => Render(choice),
        CriticalMixtureRatioResult ratio => Render(ratio),
        HoldOutResult holdOut => Render(holdOut),
        CrossValidationResult crossValidation => Render(crossValidation),
        LawComparisonResult comparison => Render(comparison),
        _ => null,
    };

    private static string BoundText(BoundState bound) => bound switch
    {
        BoundState.AtLower => "at lower",
        BoundState.AtUpper => "at upper",
        BoundState.Fixed => "fixed",
        _ => "",
    };

    private static StringBuilder Open(string kind) => new StringBuilder("<div class=\"scaling-laws ").Append(kind).Append("\">\n");

    private static string Close(StringBuilder html) => html.Append("</div>").ToString();

    private static void Warnings(StringBuilder html, IEnumerable<string> warnings)
    {
        var list = warnings.ToList();
        if (list.Count == 0) return;
        html.Append("<p>Warnings:</p><ul>");
        foreach (var w in list) html.Append("<li>").Append(Encode(w)).Append("</li>");
        html.Append("</ul>\n");
    }

    private static string G(double value) => double.IsNaN(value) ? "NaN" : value.ToString("G6", Inv);

    private static string G(double? value) => value is { } v ? G(v) : "";

    private static string Interval(Uncertainty.BootstrapInterval? interval) =>
        interval is { } i ? $"[{G(i.Lower)}, {G(i.Upper)}]" : "";
}
