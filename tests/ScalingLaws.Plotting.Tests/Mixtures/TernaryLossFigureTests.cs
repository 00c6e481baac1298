using ScalingLaws.Plotting.Mixtures;
using ScottPlot;
using SkiaSharp;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Mixtures;

public class TernaryLossFigureTests
{
    internal static double[] GridOptimum(Func<double, double, double, double> loss)
    {
        double best = double.PositiveInfinity;
        double[] at = [1.0 / 3, 1.0 / 3, 1.0 / 3];
        for (int i = 0; i <= 50; i++)
            for (int j = 0; j <= 50 - i; j++)
            {
                double a = i / 50.0, b = j / 50.0, c = 1 - a - b;
                double l = loss(a, b, c);
                if (l < best) { best = l; at = [a, b, c]; }
            }
        return at;
    }

    [Fact]
    public void PredictedLossOfTheDataMixingLawsOverThe3MixSimplex()
    {
        var optimum = GridOptimum(TestData.MeanMixLoss);
        var plot = TernaryLossFigure.Create(["Github", "Books3", "Pile-CC"], TestData.MeanMixLoss, optimum, new TernaryLossOptions
        {
            Resolution = 120,
            Markers = [new SimplexPoint("uniform", [1, 1, 1])],
        });
        var texts = RenderedImage.Check(plot, "ternary-loss", 900, 700);
        RenderedImage.AssertContains(texts, "Predicted loss over mixtures of Github, Books3 and Pile-CC", "Github", "Books3", "Pile-CC",
            "Predicted loss (nats/token)", "optimum: Github", "uniform: Github 33.3%", "0.2", "0.8");
    }

    [Fact]
    public void CornersAreWhereTheirDomainHasAllTheWeightAndTheOutsideIsBlank()
    {
        // Loss = weight of the third domain: high (yellow) at the top corner, low (dark) along the bottom edge.
        var plot = TernaryLossFigure.Create(["a", "b", "c"], (w1, w2, w3) => w3, options: new TernaryLossOptions { Resolution = 60, ShowGrid = false });
        using var bitmap = SKBitmap.Decode(PlotFiles.PngBytes(plot, 800, 700));
        SKColor At(double x, double y)
        {
            var pixel = plot.GetPixel(new Coordinates(x, y));
            return bitmap.GetPixel((int)pixel.X, (int)pixel.Y);
        }
        var top = At(0.5, 0.8);            // w3 ≈ 0.92
        var bottom = At(0.5, 0.05);        // w3 ≈ 0.06
        var outside = At(0.08, 0.75);      // left of the left edge
        Assert.True(top.Red > 180 && top.Green > 180 && top.Blue < 120, $"top {top}");
        Assert.True(bottom.Red < 120 && bottom.Green < 80, $"bottom {bottom}");
        Assert.Equal(SKColors.White, outside);
        Assert.Equal(new Coordinates(0.5, Math.Sqrt(3) / 2).X, TernaryLossFigure.Point(0, 0, 1).X, 12);
        Assert.Equal(Math.Sqrt(3) / 2, TernaryLossFigure.Point(0, 0, 1).Y, 12);
        Assert.Equal(1, TernaryLossFigure.Point(0, 2, 0).X, 12);
    }

    [Fact]
    public void RejectsAnythingButThreeDomainsAndBadWeights()
    {
        Assert.Throws<ArgumentException>(() => TernaryLossFigure.Create(["a", "b"], (_, _, _) => 1));
        Assert.Throws<ArgumentException>(() => TernaryLossFigure.Create(["a", "b", "c"], (_, _, _) => 1, [0.5, -0.1, 0.6]));
    }
}
