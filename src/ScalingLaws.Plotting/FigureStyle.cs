using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace ScalingLaws.Plotting;

/// <summary>The look shared by all figures: fonts, sizes, colours, axes.</summary>
internal static class FigureStyle
{
    public const float TitleSize = 17;
    public const float LabelSize = 15;
    public const float TickSize = 12;
    public const float LegendSize = 12;
    public const float PointSize = 6;
    public const float LineWidth = 2;

    public static readonly Color ExtrapolationShade = Color.FromHex("#9E9E9E").WithAlpha(0.18);
    public static readonly Color FeasibleShade = Color.FromHex("#2CA02C").WithAlpha(0.14);
    public static readonly Color ReferenceLine = Color.FromHex("#555555");
    public static readonly Color Highlight = Color.FromHex("#D62728");
    public static readonly Color Grid = Color.FromHex("#000000").WithAlpha(0.10);
    public static readonly Color MinorGrid = Color.FromHex("#000000").WithAlpha(0.04);

    /// <summary>A new plot with the bundled font, the title and axis labels, invariant linear ticks and a light grid.</summary>
    public static Plot Create(FigureOptions? options, string title, string xLabel, string yLabel)
    {
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        // Font names rather than plot.Font.Set: Set pins one regular typeface on every label, which would ignore Bold.
        plot.Title(options?.Title ?? title, TitleSize);
        plot.Axes.Title.Label.FontName = PlotFonts.FamilyName;
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(options?.XLabel ?? xLabel, LabelSize);
        plot.YLabel(options?.YLabel ?? yLabel, LabelSize);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = PlotFonts.FamilyName;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontName = PlotFonts.FamilyName;
            axis.TickLabelStyle.FontSize = TickSize;
            if (axis.Edge is Edge.Left or Edge.Right) axis.TickLabelStyle.OffsetY = VerticalTextOffset(TickSize);
        }
        plot.Axes.Bottom.TickGenerator = LinearTicks();
        plot.Axes.Left.TickGenerator = LinearTicks();
        plot.Grid.MajorLineColor = Grid;
        plot.Grid.MinorLineColor = MinorGrid;
        plot.Grid.MinorLineWidth = 1;
        plot.Legend.FontName = PlotFonts.FamilyName;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.Layout = new LoweredLabelLayout(plot.Legend.Layout, VerticalTextOffset(LegendSize));
        plot.Legend.OutlineColor = Color.FromHex("#BBBBBB");
        return plot;
    }

    /// <summary>
    /// Pixels by which ScottPlot draws DejaVu Sans too high when it centres text vertically on a point (tick labels of
    /// vertical axes, legend rows): a quarter of the font size.
    /// </summary>
    public static float VerticalTextOffset(float fontSize) => (float)Math.Round(fontSize * 0.25);

    /// <summary>Ticks for a linear axis, labelled with <see cref="PlotNumber.Format"/>.</summary>
    public static NumericAutomatic LinearTicks() => new() { LabelFormatter = v => PlotNumber.Format(v, 6) };

    /// <summary>Makes an axis logarithmic: its coordinates are then log₁₀ of the data.</summary>
    public static void Log(IAxis axis) => axis.TickGenerator = new Log10TickGenerator();

    /// <summary>Shows the legend in a panel to the right of the data area.</summary>
    public static void LegendRight(Plot plot) => LegendPanel(plot, Edge.Right, Orientation.Vertical);

    /// <summary>Shows the legend in a panel on one edge of the data area.</summary>
    public static void LegendPanel(Plot plot, Edge edge, Orientation orientation)
    {
        plot.ShowLegend(edge);
        plot.Legend.Orientation = orientation;
        LegendFont(plot);
    }

    /// <summary>Shows the legend inside the data area.</summary>
    public static void LegendInside(Plot plot, Alignment alignment)
    {
        plot.ShowLegend(alignment);
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
        LegendFont(plot);
    }

    private static void LegendFont(Plot plot)
    {
        plot.Legend.FontName = PlotFonts.FamilyName;
        plot.Legend.FontSize = LegendSize;
    }

    /// <summary>The colour of unordered category <paramref name="index"/> (Category10, repeating after 10).</summary>
    public static Color Category(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    /// <summary>A colour for the <paramref name="index"/>-th of <paramref name="count"/> ordered groups (viridis, dark to light, without the pale yellow end).</summary>
    public static Color Ordered(int index, int count)
    {
        double fraction = count <= 1 ? 0.0 : 0.88 * index / (count - 1);
        return new ScottPlot.Colormaps.Viridis().GetColor(fraction);
    }

    public static double[] Log10(IEnumerable<double> values) => values.Select(Math.Log10).ToArray();

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
