using ScottPlot;

namespace ScalingLaws.Plotting;

/// <summary>
/// A legend layout that moves every label a few pixels down. ScottPlot places DejaVu Sans too high within a legend
/// row: every label sat above its symbol, and the ascenders of the first row were clipped by the legend's frame.
/// </summary>
internal sealed class LoweredLabelLayout(ILegendLayout inner, float offset) : ILegendLayout
{
    public LegendLayout GetLayout(Legend legend, LegendItem[] items, PixelSize maxSize, Paint paint)
    {
        var layout = inner.GetLayout(legend, items, maxSize, paint);
        if (layout.LabelRects is null) return layout;
        return layout with { LabelRects = layout.LabelRects.Select(r => r.WithOffset(new PixelOffset(0, offset))).ToArray() };
    }
}
