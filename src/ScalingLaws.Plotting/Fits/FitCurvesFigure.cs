using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScottPlot;

namespace ScalingLaws.Plotting.Fits;

/// <summary>
/// Observed losses and fitted curves against one variable, one colour per group (e.g. per model size), on log–log
/// axes, with the region beyond the fitted range of x shaded as extrapolation.
/// </summary>
public static class FitCurvesFigure
{
    /// <summary>
    /// Draws a fit over its data: the rows of <paramref name="data"/> are grouped by <paramref name="groupColumn"/>
    /// and each group gets its points and the fit's prediction along <paramref name="xVariable"/>, the other law
    /// variables held at the group's values (see <see cref="FitCurvesOptions.Held"/>).
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="data">The runs (rows with a missing or non-finite value in a used column are skipped).</param>
    /// <param name="xVariable">The law variable on the x axis, e.g. <c>D</c>.</param>
    /// <param name="groupColumn">Column to group by (numeric or text), e.g. <c>N</c>; <c>null</c> for a single group.</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="xVariable"/> is not a variable of the law, or no rows remain.</exception>
    /// <exception cref="DataException">A column is missing or holds text.</exception>
    public static Plot Create(FitResult fit, RunTable data, string xVariable, string? groupColumn = null, FitCurvesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(xVariable);
        options ??= new FitCurvesOptions();
        if (options.MaxGroups < 1) throw new ArgumentOutOfRangeException(nameof(options), options.MaxGroups, "MaxGroups must be at least 1.");
        if (options.CurvePoints < 2) throw new ArgumentOutOfRangeException(nameof(options), options.CurvePoints, "CurvePoints must be at least 2.");
        var law = fit.Law;
        int xIndex = law.Variables.IndexOf(xVariable);
        if (xIndex < 0)
            throw new ArgumentException(
                $"'{xVariable}' is not a variable of law '{law.Name}'; choose one of {string.Join(", ", law.Variables)}.", nameof(xVariable));
        var binding = FittedRows.Bind(fit, data, options);
        if (binding.Count == 0)
            throw new ArgumentException($"No row of '{data.Name}' has finite values for {string.Join(", ", law.Variables)} and the target.", nameof(data));

        var x = binding.Variables[xIndex];
        bool logX = options.LogX ?? x.All(v => v > 0);
        double dataMin = x.Min(), dataMax = x.Max();
        var (curveMin, curveMax) = options.XRange ?? (dataMin, logX ? dataMax * options.ExtrapolationFactor : dataMax + (dataMax - dataMin) * (options.ExtrapolationFactor - 1));
        if (!(curveMax > curveMin)) (curveMin, curveMax) = (dataMin, dataMax > dataMin ? dataMax : dataMin + 1);
        var grid = Grid(curveMin, curveMax, options.CurvePoints, logX);

        var groups = Grouping.Build(data, binding.Rows, groupColumn, options.MaxGroups);
        var mappedGroupVariable = groupColumn is null ? null
            : law.Variables.FirstOrDefault(v => (options.ColumnMapping.TryGetValue(v, out var c) ? c : v) == groupColumn);
        var result = new List<FitCurveGroup>();
        var point = new double[law.Variables.Length];
        foreach (var group in groups)
        {
            for (int j = 0; j < point.Length; j++)
            {
                var variable = law.Variables[j];
                if (j == xIndex) continue;
                point[j] = options.Held.TryGetValue(variable, out double held) ? held
                    : variable == mappedGroupVariable && group.Representative is { } r ? r
                    : Median(group.Members.Select(k => binding.Variables[j][k]));
            }
            var curveX = new List<double>();
            var curveY = new List<double>();
            foreach (double gx in grid)
            {
                point[xIndex] = gx;
                double y = fit.Predict(point);
                if (double.IsFinite(y) && (!options.LogY || y > 0)) { curveX.Add(gx); curveY.Add(y); }
            }
            result.Add(new FitCurveGroup(group.Name,
                [.. group.Members.Select(k => x[k])], [.. group.Members.Select(k => binding.Observed[k])],
                [.. curveX], [.. curveY]));
        }

        var fitted = options.FittedRange ?? (dataMin, dataMax);
        var figureOptions = options with
        {
            Title = options.Title ?? $"{LawTitle(fit)}: loss vs {xVariable}" + (groupColumn is null ? "" : $" by {groupColumn}"),
            XLabel = options.XLabel ?? AxisLabels.For(xVariable, fit.Law),
            YLabel = options.YLabel ?? AxisLabels.For(options.Target ?? fit.Target),
            LogX = logX,
        };
        return Create(result, fitted, figureOptions, groups.Ordered);
    }

    /// <summary>Draws prepared groups: points and a curve per group, the region outside <paramref name="fittedRange"/> shaded.</summary>
    /// <param name="groups">The groups, in legend order.</param>
    /// <param name="fittedRange">x range the fit saw; <c>null</c> shades nothing.</param>
    /// <param name="options">Options (only the texts, <see cref="FitCurvesOptions.LogX"/> and <see cref="FitCurvesOptions.LogY"/> are used).</param>
    /// <param name="orderedGroups">Whether the groups are ordered (coloured dark to light) rather than categories.</param>
    public static Plot Create(IReadOnlyList<FitCurveGroup> groups, (double Min, double Max)? fittedRange, FitCurvesOptions? options = null,
        bool orderedGroups = true)
    {
        ArgumentNullException.ThrowIfNull(groups);
        options ??= new FitCurvesOptions();
        bool logX = options.LogX ?? groups.All(g => g.ObservedX.All(v => v > 0) && g.CurveX.All(v => v > 0));
        bool logY = options.LogY;
        Func<double, double> fx = logX ? Math.Log10 : v => v;
        Func<double, double> fy = logY ? Math.Log10 : v => v;
        var plot = FigureStyle.Create(options, "Fitted scaling law", "x", AxisLabels.Loss);
        if (logX) FigureStyle.Log(plot.Axes.Bottom);
        if (logY) FigureStyle.Log(plot.Axes.Left);

        var legend = new List<LegendItem>();
        double allMin = double.PositiveInfinity, allMax = double.NegativeInfinity;
        for (int g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var color = orderedGroups ? FigureStyle.Ordered(g, groups.Count) : FigureStyle.Category(g);
            if (group.CurveX.Length > 0)
            {
                var curve = plot.Add.ScatterLine(group.CurveX.Select(fx).ToArray(), group.CurveY.Select(fy).ToArray(), color);
                curve.LineWidth = FigureStyle.LineWidth;
                allMin = Math.Min(allMin, group.CurveX[0]);
                allMax = Math.Max(allMax, group.CurveX[^1]);
            }
            if (group.ObservedX.Length > 0)
            {
                var points = plot.Add.ScatterPoints(group.ObservedX.Select(fx).ToArray(), group.ObservedY.Select(fy).ToArray(), color);
                points.MarkerSize = FigureStyle.PointSize;
                points.MarkerShape = MarkerShape.FilledCircle;
                allMin = Math.Min(allMin, group.ObservedX.Min());
                allMax = Math.Max(allMax, group.ObservedX.Max());
            }
            legend.Add(new LegendItem
            {
                LabelText = group.Name,
                LineColor = color,
                LineWidth = FigureStyle.LineWidth,
                MarkerShape = MarkerShape.FilledCircle,
                MarkerFillColor = color,
                MarkerLineColor = color,
                MarkerSize = FigureStyle.PointSize,
            });
        }

        if (fittedRange is { } range && double.IsFinite(allMin))
        {
            bool shaded = false;
            if (allMax > range.Max * (1 + 1e-9)) { Shade(plot, fx(range.Max), fx(allMax)); shaded = true; }
            if (allMin < range.Min * (1 - 1e-9)) { Shade(plot, fx(allMin), fx(range.Min)); shaded = true; }
            if (shaded)
                legend.Add(new LegendItem { LabelText = "extrapolation", FillColor = FigureStyle.ExtrapolationShade.WithAlpha(0.45), LineWidth = 0 });
        }

        plot.Legend.ManualItems.AddRange(legend);
        FigureStyle.LegendRight(plot);
        plot.Axes.Margins(0.03, 0.06);
        return plot;
    }

    private static void Shade(Plot plot, double from, double to)
    {
        var span = plot.Add.HorizontalSpan(from, to, FigureStyle.ExtrapolationShade);
        span.LineWidth = 0;
        plot.MoveToBack(span);
    }

    internal static string LawTitle(FitResult fit) => fit.Law.Name switch
    {
        "chinchilla" => "Chinchilla law",
        "formula" => "Fitted formula",
        var name => $"Law '{name}'",
    };

    internal static double[] Grid(double min, double max, int count, bool log)
    {
        var grid = new double[count];
        for (int i = 0; i < count; i++)
        {
            double t = (double)i / (count - 1);
            grid[i] = log ? Math.Exp(Math.Log(min) + t * (Math.Log(max) - Math.Log(min))) : min + t * (max - min);
        }
        return grid;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
