using ScalingLaws.Plotting.Fits;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Fits;

public class ParityFigureTests
{
    [Fact]
    public void FittedAndHeldOutRunsRenderWithTheIdentityLine()
    {
        var plot = ParityFigure.Create(TestData.ChinchillaFit, TestData.ChinchillaTrain, TestData.ChinchillaHeldOut);
        var texts = RenderedImage.Check(plot, "parity");
        RenderedImage.AssertContains(texts, "Chinchilla law: predicted vs observed", "Observed loss (nats/token)", "Predicted loss (nats/token)",
            $"fitted runs (n = {TestData.ChinchillaTrain.RowCount}", $"held-out runs (n = {TestData.ChinchillaHeldOut.RowCount}", "y = x");
    }

    [Fact]
    public void LogScaleAndPreparedSeries()
    {
        var series = new[] { new ParitySeries("runs", [2.0, 3.0, 4.0], [2.1, 2.9, 4.2]), new ParitySeries("new", [2.5], [2.4], HeldOut: true) };
        var plot = ParityFigure.Create(series, new ParityOptions { LogScale = true, ShowErrors = false });
        var texts = RenderedImage.Check(plot, "parity-log", 500, 500);
        RenderedImage.AssertContains(texts, "runs", "new", "y = x");
    }

    [Fact]
    public void PlottablesAddedByTheCallerJoinTheLegend()
    {
        var plot = ParityFigure.Create([new ParitySeries("runs", [2.0, 3.0], [2.1, 2.9])]);
        var extra = plot.Add.ScatterPoints(new[] { 2.5 }, new[] { 2.5 });
        extra.LegendText = "added later";
        var texts = RenderedImage.Check(plot, "parity-extended", 500, 400);
        RenderedImage.AssertContains(texts, "runs", "y = x", "added later");
    }

    [Fact]
    public void RejectsSeriesOfUnequalLength() =>
        Assert.Throws<ArgumentException>(() => ParityFigure.Create([new ParitySeries("bad", [1.0, 2.0], [1.0])]));
}
