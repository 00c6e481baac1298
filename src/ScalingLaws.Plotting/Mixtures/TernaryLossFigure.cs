using ScottPlot;

namespace ScalingLaws.Plotting.Mixtures;

/// <summary>
/// Predicted loss over every mixture of three domains, as a heatmap on the simplex drawn as an equilateral
/// triangle: each corner is a pure domain, each point a mixture whose weights are its barycentric coordinates.
/// The optimum and other mixtures are marked. Thin lines mark every 0.2 of each weight; the numbers along an edge
/// give the weight of the domain at the corner that edge runs towards.
/// </summary>
/// <remarks>
/// The colour scale runs from the smallest predicted loss to its 98th percentile, so a law that diverges at a
/// corner does not wash out the interior; higher losses take the top colour. Cells where the function is not
/// finite stay blank.
/// </remarks>
public static class TernaryLossFigure
{
    private static readonly double Height = Math.Sqrt(3) / 2;

    /// <summary>Draws the predicted loss over the simplex of three domains.</summary>
    /// <param name="domains">The three domain names, in the order of the weights.</param>
    /// <param name="loss">Predicted loss (nats/token) at weights (w₁, w₂, w₃), which sum to 1.</param>
    /// <param name="optimum">The optimal weights to mark (three values); <c>null</c> for none.</param>
    /// <param name="options">Options; <c>null</c> for the defaults.</param>
    /// <exception cref="ArgumentException">Not three domains, or a point does not have three non-negative weights with a positive sum.</exception>
    public static Plot Create(IReadOnlyList<string> domains, Func<double, double, double, double> loss, IReadOnlyList<double>? optimum = null,
        TernaryLossOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(loss);
        options ??= new TernaryLossOptions();
        if (domains.Count != 3) throw new ArgumentException($"A ternary figure needs exactly 3 domains; got {domains.Count}.", nameof(domains));
        if (options.Resolution < 10) throw new ArgumentOutOfRangeException(nameof(options), options.Resolution, "Resolution must be at least 10.");
        var optimumWeights = optimum is null ? null : Normalise(optimum, "optimum");
        var markers = options.Markers.Select(m => (m.Name, Weights: Normalise(m.Weights, m.Name))).ToList();

        var plot = FigureStyle.Create(options, $"Predicted loss over mixtures of {domains[0]}, {domains[1]} and {domains[2]}", "", "");
        foreach (var axis in plot.Axes.GetAxes()) axis.IsVisible = false;
        plot.HideGrid();

        int columns = options.Resolution;
        int rows = Math.Max(2, (int)Math.Round(columns * Height));
        var values = new double[rows, columns];
        var finite = new List<double>(rows * columns);
        double cellWidth = 1.0 / columns, cellHeight = Height / rows;
        for (int r = 0; r < rows; r++)
        {
            double y = Height - (r + 0.5) * cellHeight; // row 0 is drawn at the top
            for (int c = 0; c < columns; c++)
            {
                double x = (c + 0.5) * cellWidth;
                double w3 = y / Height, w2 = x - w3 / 2, w1 = 1 - w2 - w3;
                // Cells up to one cell outside the triangle are filled with the clamped mixture; the masks below cut the
                // edge clean, so the triangle's border is straight rather than stepped.
                double slack = 1.5 * cellWidth;
                if (w1 < -slack || w2 < -slack || w3 < -slack) { values[r, c] = double.NaN; continue; }
                w1 = Math.Max(w1, 0); w2 = Math.Max(w2, 0); w3 = Math.Max(w3, 0);
                double sum = w1 + w2 + w3;
                double v = loss(w1 / sum, w2 / sum, w3 / sum);
                values[r, c] = double.IsFinite(v) ? v : double.NaN;
                if (double.IsFinite(v)) finite.Add(v);
            }
        }

        var heatmap = plot.Add.Heatmap(values);
        heatmap.Extent = new CoordinateRect(0, 1, 0, Height);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.Transparent;
        if (finite.Count > 0)
        {
            finite.Sort();
            double low = finite[0], high = finite[(int)Math.Floor(0.98 * (finite.Count - 1))];
            if (!(high > low)) high = low + 1e-9;
            heatmap.ManualRange = new ScottPlot.Range(low, high);
        }
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = options.ColorBarLabel;
        colorBar.LabelStyle.FontName = PlotFonts.FamilyName;
        colorBar.LabelStyle.FontSize = FigureStyle.LabelSize - 1;
        colorBar.LabelStyle.Bold = false;
        colorBar.Axis.TickGenerator = FigureStyle.LinearTicks();
        colorBar.Axis.TickLabelStyle.FontName = PlotFonts.FamilyName;
        colorBar.Axis.TickLabelStyle.FontSize = FigureStyle.TickSize;
        colorBar.Axis.TickLabelStyle.OffsetY = FigureStyle.VerticalTextOffset(FigureStyle.TickSize);

        // White masks over the parts of the heatmap's rectangle outside the triangle.
        var background = Colors.White;
        double pad = 0.05;
        Mask(plot, background, [new(0, 0), new(0.5, Height), new(0.5, Height + pad), new(-pad, Height + pad), new(-pad, -pad), new(0, -pad)]);
        Mask(plot, background, [new(1, 0), new(1, -pad), new(1 + pad, -pad), new(1 + pad, Height + pad), new(0.5, Height + pad), new(0.5, Height)]);

        if (options.ShowGrid) Grid(plot);
        var outline = plot.Add.Polygon([Point(1, 0, 0), Point(0, 1, 0), Point(0, 0, 1)]);
        outline.FillColor = Colors.Transparent;
        outline.LineColor = Colors.Black;
        outline.LineWidth = 1.5f;
        CornerLabel(plot, domains[0], Point(1, 0, 0), Alignment.UpperRight, -0.01, -0.02);
        CornerLabel(plot, domains[1], Point(0, 1, 0), Alignment.UpperLeft, 0.01, -0.02);
        CornerLabel(plot, domains[2], Point(0, 0, 1), Alignment.LowerCenter, 0, 0.02);

        for (int k = 0; k < markers.Count; k++)
        {
            var (name, weights) = markers[k];
            var color = FigureStyle.Category(1 + k);
            var shape = (k % 3) switch { 0 => MarkerShape.FilledSquare, 1 => MarkerShape.FilledTriangleUp, _ => MarkerShape.FilledCircle };
            var marker = plot.Add.Marker(Point(weights[0], weights[1], weights[2]), shape, 12, color);
            marker.MarkerLineColor = Colors.White;
            marker.MarkerLineWidth = 1.5f;
            marker.LegendText = $"{name}: {Describe(domains, weights)}";
        }
        if (optimumWeights is not null)
        {
            var marker = plot.Add.Marker(Point(optimumWeights[0], optimumWeights[1], optimumWeights[2]), MarkerShape.FilledDiamond, 16, FigureStyle.Highlight);
            marker.MarkerLineColor = Colors.White;
            marker.MarkerLineWidth = 2;
            double at = loss(optimumWeights[0], optimumWeights[1], optimumWeights[2]);
            marker.LegendText = $"optimum: {Describe(domains, optimumWeights)}" + (double.IsFinite(at) ? $", loss {PlotNumber.Format(at, 4)}" : "");
        }

        plot.Axes.SquareUnits();
        plot.Axes.SetLimits(-0.2, 1.2, -0.12, Height + 0.1);
        if (markers.Count > 0 || optimumWeights is not null) FigureStyle.LegendPanel(plot, Edge.Bottom, Orientation.Vertical);
        return plot;
    }

    /// <summary>Cartesian position of the mixture (w₁, w₂, w₃): corner 1 bottom left, corner 2 bottom right, corner 3 on top.</summary>
    internal static Coordinates Point(double w1, double w2, double w3)
    {
        double sum = w1 + w2 + w3;
        w2 /= sum;
        w3 /= sum;
        return new Coordinates(w2 + w3 / 2, w3 * Height);
    }

    private static double[] Normalise(IReadOnlyList<double> weights, string name)
    {
        if (weights.Count != 3 || weights.Any(w => !(w >= 0) || !double.IsFinite(w)) || !(weights.Sum() > 0))
            throw new ArgumentException(
                $"The mixture '{name}' must have 3 finite non-negative weights with a positive sum; got ({string.Join(", ", weights.Select(w => PlotNumber.Format(w)))}).",
                nameof(weights));
        double sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }

    private static string Describe(IReadOnlyList<string> domains, double[] weights) =>
        string.Join(", ", Enumerable.Range(0, 3).Select(k => $"{domains[k]} {PlotNumber.Percent(weights[k])}"));

    private static void Mask(Plot plot, Color color, Coordinates[] corners)
    {
        var mask = plot.Add.Polygon(corners);
        mask.FillColor = color;
        mask.LineWidth = 0;
        mask.LineColor = Colors.Transparent;
    }

    private static void Grid(Plot plot)
    {
        var line = Colors.White.WithAlpha(0.45);
        var label = Color.FromHex("#444444");
        foreach (double t in new[] { 0.2, 0.4, 0.6, 0.8 })
        {
            Segment(plot, Point(t, 1 - t, 0), Point(t, 0, 1 - t), line);
            Segment(plot, Point(1 - t, t, 0), Point(0, t, 1 - t), line);
            Segment(plot, Point(1 - t, 0, t), Point(0, 1 - t, t), line);
            string text = PlotNumber.Format(t);
            // Bottom edge: weight of domain 2 (towards the bottom-right corner).
            EdgeLabel(plot, text, Point(1 - t, t, 0), 0, -0.015, Alignment.UpperCenter, label);
            // Right edge: weight of domain 3 (towards the top corner).
            EdgeLabel(plot, text, Point(0, 1 - t, t), 0.015 * Math.Cos(Math.PI / 6), 0.015 * Math.Sin(Math.PI / 6), Alignment.MiddleLeft, label);
            // Left edge: weight of domain 1 (towards the bottom-left corner).
            EdgeLabel(plot, text, Point(t, 0, 1 - t), -0.015 * Math.Cos(Math.PI / 6), 0.015 * Math.Sin(Math.PI / 6), Alignment.MiddleRight, label);
        }
    }

    private static void Segment(Plot plot, Coordinates a, Coordinates b, Color color)
    {
        var segment = plot.Add.Line(a, b);
        segment.LineColor = color;
        segment.LineWidth = 1;
    }

    private static void EdgeLabel(Plot plot, string text, Coordinates at, double dx, double dy, Alignment alignment, Color color)
    {
        var label = plot.Add.Text(text, at.X + dx, at.Y + dy);
        label.LabelFontName = PlotFonts.FamilyName;
        label.LabelFontSize = FigureStyle.TickSize - 1;
        label.LabelFontColor = color;
        label.LabelAlignment = alignment;
    }

    private static void CornerLabel(Plot plot, string text, Coordinates at, Alignment alignment, double dx, double dy)
    {
        var label = plot.Add.Text(text, at.X + dx, at.Y + dy);
        label.LabelFontName = PlotFonts.FamilyName;
        label.LabelFontSize = FigureStyle.LabelSize;
        label.LabelBold = true;
        label.LabelAlignment = alignment;
    }
}
