using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Plotting.Fits;
using ScottPlot;

namespace ScalingLaws.Plotting.Compute;

/// <summary>
/// IsoFLOP curves (Hoffmann et al. 2022, Figure 3): loss against parameter count N at several fixed compute budgets
/// C, with D = C/(k·N), the minimum of each curve marked and joined into the compute-optimal frontier.
/// </summary>
public static class IsoFlopFigure
{
    /// <summary>IsoFLOP curves of a fitted law, with the observed runs near each budget.</summary>
    /// <param name="fit">A fit of a law in N and D (see <see cref="ComputeFigureOptions"/> for other names and variables).</param>
    /// <param name="budgets">Compute budgets C (FLOP), each positive.</param>
    /// <param name="data">Observed runs to draw at their nearest budget; <c>null</c> for none.</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">The law lacks the N or D variable, needs held values, or a budget is not positive.</exception>
    /// <exception cref="DataException">A column of <paramref name="data"/> is missing or holds text.</exception>
    public static Plot Create(FitResult fit, IReadOnlyList<double> budgets, RunTable? data = null, IsoFlopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(budgets);
        options ??= new IsoFlopOptions();
        if (options.CurvePoints < 2) throw new ArgumentOutOfRangeException(nameof(options), options.CurvePoints, "CurvePoints must be at least 2.");
        var model = new ComputeModel(fit, options);
        var sorted = budgets.Order().ToArray();
        foreach (double c in sorted)
            if (!(c > 0) || !double.IsFinite(c)) throw new ArgumentException($"Compute budget {PlotNumber.Format(c)} is not positive and finite.", nameof(budgets));

        var observed = sorted.Select(_ => (N: new List<double>(), L: new List<double>())).ToArray();
        if (data is not null && sorted.Length > 0)
        {
            string Column(string v) => options.ColumnMapping.TryGetValue(v, out var c) ? c : v;
            var n = data.Numeric(Column(options.ParameterVariable));
            var loss = data.Numeric(options.Target ?? fit.Target);
            var compute = data.HasColumn(options.ComputeColumn)
                ? data.Numeric(options.ComputeColumn)
                : [.. n.Zip(data.Numeric(Column(options.TokenVariable)), (ni, di) => model.K * ni * di)];
            for (int i = 0; i < data.RowCount; i++)
            {
                if (!(compute[i] > 0) || !(n[i] > 0) || !double.IsFinite(loss[i])) continue;
                double lc = Math.Log10(compute[i]);
                int nearest = Enumerable.Range(0, sorted.Length).MinBy(j => Math.Abs(Math.Log10(sorted[j]) - lc));
                if (Math.Abs(Math.Log10(sorted[nearest]) - lc) > options.BudgetTolerance) continue;
                observed[nearest].N.Add(n[i]);
                observed[nearest].L.Add(loss[i]);
            }
        }

        var optima = sorted.Select(model.Optimum).ToList();
        var curves = new List<IsoFlopCurve>();
        for (int j = 0; j < sorted.Length; j++)
        {
            var opt = optima[j];
            double center = double.IsFinite(opt.Parameters) ? opt.Parameters : Math.Sqrt(sorted[j] / model.K);
            double lo = center / Math.Pow(10, options.SpanDecades), hi = center * Math.Pow(10, options.SpanDecades);
            if (observed[j].N.Count > 0)
            {
                lo = Math.Min(lo, observed[j].N.Min() / 1.2);
                hi = Math.Max(hi, observed[j].N.Max() * 1.2);
            }
            var ns = FitCurvesFigure.Grid(lo, hi, options.CurvePoints, log: true);
            var keep = ns.Select(v => (N: v, L: model.Loss(sorted[j], v))).Where(p => double.IsFinite(p.L) && (!options.LogY || p.L > 0)).ToArray();
            curves.Add(new IsoFlopCurve(sorted[j], [.. keep.Select(p => p.N)], [.. keep.Select(p => p.L)])
            {
                ObservedParameters = [.. observed[j].N],
                ObservedLosses = [.. observed[j].L],
            });
        }
        return Create(curves, optima.Where(o => double.IsFinite(o.Parameters)).ToList(),
            options with { Title = options.Title ?? $"{FitCurvesFigure.LawTitle(fit)}: IsoFLOP curves" });
    }

    /// <summary>Draws prepared isoFLOP curves and the compute-optimal points.</summary>
    /// <param name="curves">One curve per budget.</param>
    /// <param name="optima">The compute-optimal point of each budget (drawn and joined); may be empty.</param>
    /// <param name="options">Options (only the texts and <see cref="IsoFlopOptions.LogY"/> are used); <c>null</c> for the defaults.</param>
    public static Plot Create(IReadOnlyList<IsoFlopCurve> curves, IReadOnlyList<ComputeOptimalPoint> optima, IsoFlopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(optima);
        options ??= new IsoFlopOptions();
        Func<double, double> fy = options.LogY ? Math.Log10 : v => v;
        var plot = FigureStyle.Create(options, "IsoFLOP curves", AxisLabels.For("N"), AxisLabels.Loss);
        FigureStyle.Log(plot.Axes.Bottom);
        if (options.LogY) FigureStyle.Log(plot.Axes.Left);

        var ordered = curves.OrderBy(c => c.Compute).ToList();
        for (int j = 0; j < ordered.Count; j++)
        {
            var curve = ordered[j];
            var color = FigureStyle.Ordered(j, ordered.Count);
            var line = plot.Add.ScatterLine(FigureStyle.Log10(curve.Parameters), curve.Losses.Select(fy).ToArray(), color);
            line.LineWidth = FigureStyle.LineWidth;
            bool hasPoints = curve.ObservedParameters.Length > 0;
            if (hasPoints)
            {
                var points = plot.Add.ScatterPoints(FigureStyle.Log10(curve.ObservedParameters), curve.ObservedLosses.Select(fy).ToArray(), color);
                points.MarkerSize = FigureStyle.PointSize;
            }
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"C = {PlotNumber.Format(curve.Compute)} FLOP",
                LineColor = color,
                LineWidth = FigureStyle.LineWidth,
                MarkerShape = hasPoints ? MarkerShape.FilledCircle : MarkerShape.None,
                MarkerFillColor = color,
                MarkerLineColor = color,
                MarkerSize = FigureStyle.PointSize,
            });
        }

        var frontier = optima.Where(o => o.Parameters > 0 && double.IsFinite(o.Loss)).OrderBy(o => o.Compute).ToArray();
        if (frontier.Length > 0)
        {
            var line = plot.Add.Scatter(FigureStyle.Log10(frontier.Select(o => o.Parameters)), frontier.Select(o => fy(o.Loss)).ToArray(), Colors.Black);
            line.LineWidth = 1.5f;
            line.LinePattern = LinePattern.Dashed;
            line.MarkerShape = MarkerShape.FilledDiamond;
            line.MarkerSize = 11;
            line.MarkerFillColor = FigureStyle.Highlight;
            line.MarkerLineColor = Colors.Black;
            line.MarkerLineWidth = 1;
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = "compute-optimal N_opt(C)",
                LineColor = Colors.Black,
                LineWidth = 1.5f,
                LinePattern = LinePattern.Dashed,
                MarkerShape = MarkerShape.FilledDiamond,
                MarkerFillColor = FigureStyle.Highlight,
                MarkerLineColor = Colors.Black,
                MarkerSize = 11,
            });
        }
        FigureStyle.LegendRight(plot);
        plot.Axes.Margins(0.03, 0.06);
        return plot;
    }
}
