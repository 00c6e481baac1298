using ScottPlot;

namespace ScalingLaws.Plotting;

/// <summary>
/// Ticks for an axis whose coordinates are log₁₀ of the data (ScottPlot has no log scale; figures plot
/// log₁₀ values and label them with this generator). Labels read as data values in <see cref="PlotNumber"/>'s
/// 1e9 style. The densest label set that does not overlap at the axis's pixel size wins: every mantissa 1–9,
/// then 1, 2, 3, 5, then 1, 2, 5, then 1, 3, then decades, then every second, fifth or tenth decade. Axes spanning
/// less than a decade with fewer than four such labels use evenly spaced values instead when that gives more
/// labels (e.g. 2.2, 2.4, 2.6 on a loss axis).
/// Unlabelled mantissas 2–9 become minor ticks when the axis spans at most 6 decades.
/// </summary>
public sealed class Log10TickGenerator : ITickGenerator
{
    private static readonly int[][] MantissaSets = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 5], [1, 2, 5], [1, 3], [1]];
    private static readonly int[] DecadeStrides = [2, 5, 10, 20, 50];

    /// <summary>The ticks of the last <see cref="Regenerate"/>.</summary>
    public Tick[] Ticks { get; set; } = [];

    /// <summary>Upper bound on the number of ticks kept (major and minor). Default 1,000.</summary>
    public int MaxTickCount { get; set; } = 1000;

    /// <summary>Pixels of free space required between neighbouring labels. Default 8.</summary>
    public float MinimumLabelGap { get; init; } = 8;

    /// <summary>Computes ticks for the visible range <paramref name="range"/> (log₁₀ units).</summary>
    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        double lo = Math.Min(range.Min, range.Max), hi = Math.Max(range.Min, range.Max);
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || hi - lo < 1e-12 || hi - lo > 300)
        {
            Ticks = [];
            return;
        }
        bool horizontal = edge is Edge.Bottom or Edge.Top;
        double pixelsPerUnit = size.Length / (hi - lo);

        List<(double Position, string Label)>? best = null;
        foreach (var candidate in Candidates(lo, hi))
            if (candidate.Count >= 2 && Fits(candidate, horizontal, pixelsPerUnit, paint, labelStyle)) { best = candidate; break; }
        if (best is null || (best.Count < 4 && hi - lo < 1))
        {
            var linear = LinearLabels(lo, hi, horizontal, pixelsPerUnit, paint, labelStyle);
            if (linear.Count >= 2 && linear.Count > (best?.Count ?? 0)) best = linear;
        }
        best ??= Candidates(lo, hi).LastOrDefault(c => c.Count > 0) ?? [];

        var ticks = best.Select(t => Tick.Major(t.Position, t.Label)).ToList();
        var labelled = best.Select(t => t.Position).ToHashSet();
        bool fineMinors = hi - lo <= 6;
        for (int k = (int)Math.Floor(lo); k <= (int)Math.Ceiling(hi); k++)
        {
            for (int m = 1; m <= 9; m++)
            {
                if (m > 1 && !fineMinors) break;
                double p = k + Math.Log10(m);
                if (p < lo || p > hi || labelled.Contains(p)) continue;
                ticks.Add(Tick.Minor(p));
            }
        }
        Ticks = ticks.Take(MaxTickCount).ToArray();
    }

    private static IEnumerable<List<(double Position, string Label)>> Candidates(double lo, double hi)
    {
        int first = (int)Math.Floor(lo), last = (int)Math.Ceiling(hi);
        if (hi - lo <= 12)
        {
            foreach (var set in MantissaSets)
            {
                var list = new List<(double, string)>();
                for (int k = first; k <= last; k++)
                    foreach (int m in set)
                    {
                        double p = k + Math.Log10(m);
                        if (p >= lo - 1e-9 && p <= hi + 1e-9) list.Add((p, PlotNumber.Format(m * Math.Pow(10, k))));
                    }
                yield return list;
            }
        }
        foreach (int stride in DecadeStrides)
        {
            var list = new List<(double, string)>();
            for (int k = first; k <= last; k++)
                if (k % stride == 0 && k >= lo - 1e-9 && k <= hi + 1e-9) list.Add((k, PlotNumber.Format(Math.Pow(10, k))));
            yield return list;
        }
    }

    private List<(double Position, string Label)> LinearLabels(double lo, double hi, bool horizontal, double pixelsPerUnit,
        Paint paint, LabelStyle labelStyle)
    {
        double vlo = Math.Pow(10, lo), vhi = Math.Pow(10, hi);
        foreach (int count in new[] { 10, 8, 6, 5, 4, 3, 2 })
        {
            double step = NiceStep((vhi - vlo) / count);
            var list = new List<(double, string)>();
            for (double v = Math.Ceiling(vlo / step) * step; v <= vhi * (1 + 1e-12); v += step)
            {
                double value = PlotNumber.RoundSignificant(v, 12);
                if (value > 0) list.Add((Math.Log10(value), PlotNumber.Format(value)));
            }
            if (list.Count >= 2 && list.Select(t => t.Item2).Distinct().Count() == list.Count &&
                Fits(list, horizontal, pixelsPerUnit, paint, labelStyle))
                return list;
        }
        return [];
    }

    private static double NiceStep(double raw)
    {
        double exponent = Math.Floor(Math.Log10(raw));
        double fraction = raw / Math.Pow(10, exponent);
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }

    private bool Fits(List<(double Position, string Label)> labels, bool horizontal, double pixelsPerUnit, Paint paint, LabelStyle style)
    {
        for (int i = 1; i < labels.Count; i++)
        {
            double distance = (labels[i].Position - labels[i - 1].Position) * pixelsPerUnit;
            var a = style.Measure(labels[i - 1].Label, paint);
            var b = style.Measure(labels[i].Label, paint);
            double needed = horizontal ? (a.Width + b.Width) / 2 : (a.Height + b.Height) / 2;
            if (distance < needed + MinimumLabelGap) return false;
        }
        return true;
    }
}
