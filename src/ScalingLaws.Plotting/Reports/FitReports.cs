using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Plotting.Compute;
using ScalingLaws.Plotting.Fits;

namespace ScalingLaws.Plotting.Reports;

/// <summary>
/// The fit report — the same Markdown and HTML from a notebook as from <c>scaling-laws fit --report</c> and
/// <c>scaling-laws report</c>: per fit, its formula, loss and termination, the parameter table, statistics, warnings and,
/// given the runs, curves, parity and residual figures (and iso-FLOP and frontier figures for laws in N and D).
/// </summary>
public static class FitReports
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A report of <paramref name="fits"/> (sections named fit1, fit2, …), with figures when <paramref name="data"/> is given.</summary>
    /// <param name="fits">The fits.</param>
    /// <param name="data">The runs they were fitted to, or null for tables only.</param>
    /// <param name="title">Report title.</param>
    /// <param name="xVariable">Variable on the curves' x axis; default D if the law reads it, else its first variable.</param>
    /// <param name="group">Column grouping the curves; default N when x is D.</param>
    public static Report Create(IReadOnlyList<FitResult> fits, RunTable? data, string title = "ScalingLaws fit report", string? xVariable = null, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(fits);
        var report = new ReportBuilder(title);
        for (int i = 0; i < fits.Count; i++) Add(report, fits[i], data, $"fit{i + 1}", xVariable, group);
        return report.Build();
    }

    /// <summary>Adds the fit's tables and, given its data, curves, parity and residual figures (and compute figures for laws in N and D).</summary>
    /// <param name="report">The report being built.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="data">The runs, or null for tables only.</param>
    /// <param name="name">Prefix of the figure files.</param>
    /// <param name="xVariable">Variable on the curves' x axis; default D if the law reads it, else its first variable.</param>
    /// <param name="group">Column grouping the curves; default N when x is D.</param>
    /// <param name="mapping">Law variable → column, for variables whose column has another name (the fit's saved mapping).</param>
    public static void Add(ReportBuilder report, FitResult fit, RunTable? data, string name, string? xVariable = null, string? group = null,
        IReadOnlyDictionary<string, string>? mapping = null)
    {
        report.Section($"{fit.Law.Name} fit of {fit.Target}");
        report.Paragraph($"Formula: {fit.Target} ~ {fit.Law.Formula}. Loss {fit.Loss.ToText()}, {fit.Space.ToString().ToLowerInvariant()} residuals; "
            + $"{fit.Termination.Describe()}; objective {fit.Objective.ToString("G7", Inv)}.");
        report.Table(["parameter", "value", "standard error", "state"],
            fit.Parameters.Select(p => (IReadOnlyList<string>)[p.Name, p.Value.ToString("G7", Inv),
                p.StandardError is double se ? se.ToString("G4", Inv) : "—", p.Bound.ToString().ToLowerInvariant()]).ToList(),
            "Fitted parameters");
        var s = fit.Statistics;
        if (s.Count > 0)
            report.KeyValues([("n", s.Count.ToString(Inv)), ("degrees of freedom", s.DegreesOfFreedom.ToString(Inv)),
                ("RMSE", s.RootMeanSquareError.ToString("G5", Inv)), ("R²", s.RSquared.ToString("G5", Inv)),
                ("MAE", s.MeanAbsoluteError.ToString("G5", Inv)), ("MRE", (100 * s.MeanRelativeError).ToString("G4", Inv) + " %"),
                ("starts", $"{fit.Starts.Tried} tried, {fit.Starts.Converged} converged, {fit.Starts.ReachedBest} reached the best")], "Statistics");
        if (fit.Warnings.Length > 0) report.Paragraph("Warnings: " + string.Join(" ", fit.Warnings));
        if (data is null) return;
        var columns = mapping?.ToImmutableDictionary() ?? ImmutableDictionary<string, string>.Empty;
        string Column(string variable) => columns.TryGetValue(variable, out var column) ? column : variable;
        string x = xVariable ?? (fit.Law.Variables.Contains("D") ? "D" : fit.Law.Variables[0]);
        string? g = group ?? (x == "D" && fit.Law.Variables.Contains("N") ? "N" : null);
        report.Figure($"{name}-curves", FitCurvesFigure.Create(fit, data, x, g, new FitCurvesOptions { ColumnMapping = columns }), $"Observed {fit.Target} against {x} with the fitted law{(g is null ? "" : $", grouped by {g}")}; shaded: extrapolation beyond the fitted range.");
        report.Figure($"{name}-parity", ParityFigure.Create(fit, data, options: new ParityOptions { ColumnMapping = columns }), "Predicted against observed; the diagonal is a perfect fit.");
        report.Figure($"{name}-residuals", ResidualsFigure.Create(fit, data, options: new ResidualOptions { ColumnMapping = columns }), "Residuals in the fit's residual space.");
        if (fit.Law.Variables.SequenceEqual(["N", "D"]) && data.HasColumn(Column("N")) && data.HasColumn(Column("D")))
        {
            var compute = data.HasColumn("C") ? data.Numeric("C").ToArray() : data.Numeric(Column("N")).Zip(data.Numeric(Column("D")), (n, d) => 6 * n * d).ToArray();
            double lo = compute.Min(), hi = compute.Max();
            var budgets = Enumerable.Range(0, 5).Select(k => Math.Pow(10, Math.Log10(lo) + (Math.Log10(hi) - Math.Log10(lo)) * (k + 0.5) / 5)).ToList();
            report.Figure($"{name}-isoflop", IsoFlopFigure.Create(fit, budgets, data.HasColumn("C") ? data : null), "Loss against N along iso-FLOP lines C = 6ND, with the compute-optimal points.");
            report.Figure($"{name}-frontier", ComputeFrontierFigure.Create(fit, lo, hi * 1e4), "Compute-optimal N and D against C.");
        }
    }
}
