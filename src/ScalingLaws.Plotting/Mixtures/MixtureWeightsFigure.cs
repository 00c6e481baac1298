using ScottPlot;
using ScottPlot.TickGenerators;

namespace ScalingLaws.Plotting.Mixtures;

/// <summary>Domain weights as grouped bars, one group per domain and one bar per weight set, with interval whiskers.</summary>
public static class MixtureWeightsFigure
{
    /// <summary>Draws the weight sets.</summary>
    /// <param name="domains">Domain names, in the order of every set's weights.</param>
    /// <param name="sets">The sets (optimum first is customary), each with one weight per domain.</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">A set's weights or intervals do not have one value per domain.</exception>
    public static Plot Create(IReadOnlyList<string> domains, IReadOnlyList<WeightSet> sets, MixtureWeightsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(sets);
        options ??= new MixtureWeightsOptions();
        foreach (var set in sets)
        {
            if (set.Weights.Length != domains.Count)
                throw new ArgumentException($"Weight set '{set.Name}' has {set.Weights.Length} weights for {domains.Count} domains.", nameof(sets));
            if (set.HasIntervals && (set.Lower.Length != domains.Count || set.Upper.Length != domains.Count))
                throw new ArgumentException($"Weight set '{set.Name}' has intervals of {set.Lower.Length} and {set.Upper.Length} values for {domains.Count} domains.", nameof(sets));
        }
        var plot = FigureStyle.Create(options, "Domain weights", "Domain", "Weight (fraction of training tokens)");
        int m = Math.Max(sets.Count, 1);
        double width = 0.8 / m;
        double top = 0;
        for (int j = 0; j < sets.Count; j++)
        {
            var set = sets[j];
            var color = FigureStyle.Category(j);
            var bars = new List<Bar>();
            for (int i = 0; i < domains.Count; i++)
            {
                double position = i + (j - (m - 1) / 2.0) * width;
                bars.Add(new Bar
                {
                    Position = position,
                    Value = set.Weights[i],
                    Size = width * 0.92,
                    FillColor = color,
                    LineWidth = 0,
                });
                top = Math.Max(top, set.Weights[i]);
            }
            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = set.Name;
            if (set.HasIntervals)
            {
                var xs = bars.Select(b => b.Position).ToArray();
                var ys = set.Weights.ToArray();
                var up = Enumerable.Range(0, domains.Count).Select(i => Math.Max(0, set.Upper[i] - set.Weights[i])).ToArray();
                var down = Enumerable.Range(0, domains.Count).Select(i => Math.Max(0, set.Weights[i] - set.Lower[i])).ToArray();
                var zeros = new double[domains.Count];
                var errors = new ScottPlot.Plottables.ErrorBar(xs, ys, zeros, zeros, up, down)
                {
                    LineColor = Colors.Black,
                    LineWidth = 1.5f,
                    CapSize = Math.Max(3, 40f / m),
                };
                plot.Add.Plottable(errors);
                top = Math.Max(top, set.Upper.Max());
            }
        }

        var ticks = new NumericManual();
        for (int i = 0; i < domains.Count; i++) ticks.AddMajor(i, domains[i]);
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        bool rotate = options.RotateLabels ?? (domains.Count > 6 || domains.Any(d => d.Length > 10));
        if (rotate)
        {
            var style = plot.Axes.Bottom.TickLabelStyle;
            style.Rotation = -45;
            style.Alignment = Alignment.UpperRight;
            using var paint = Paint.NewDisposablePaint();
            float widest = domains.Select(d => style.Measure(d, paint).Width).DefaultIfEmpty(0).Max();
            plot.Axes.Bottom.MinimumSize = widest * 0.75f + 30;
        }
        plot.Axes.SetLimits(-0.6, domains.Count - 0.4, 0, Math.Max(top, 1e-9) * 1.15);
        if (sets.Count > 0) FigureStyle.LegendPanel(plot, Edge.Top, Orientation.Horizontal);
        return plot;
    }
}
