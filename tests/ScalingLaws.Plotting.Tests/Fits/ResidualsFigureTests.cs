using ScalingLaws.Plotting.Fits;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Fits;

public class ResidualsFigureTests
{
    [Fact]
    public void ResidualsAgainstModelSizeUseALogAxisAndTheFitsResidualSpace()
    {
        var plot = ResidualsFigure.Create(TestData.ChinchillaFit, TestData.ChinchillaTrain, "N", TestData.ChinchillaHeldOut);
        var texts = RenderedImage.Check(plot, "residuals-vs-N");
        RenderedImage.AssertContains(texts, "Chinchilla law: residuals vs N", "Parameters N", "Residual ln(predicted / observed)",
            "fitted runs", "held-out runs", "±RMSE", "1e9");
    }

    [Fact]
    public void ResidualsAgainstPredictedLoss()
    {
        var plot = ResidualsFigure.Create(TestData.ChinchillaFit, TestData.Chinchilla);
        var texts = RenderedImage.Check(plot, "residuals-vs-predicted");
        RenderedImage.AssertContains(texts, "residuals vs predicted loss", "Predicted loss (nats/token)", "runs (n = 240)");
    }

    [Fact]
    public void FittedResidualsMatchTheFitStatistics()
    {
        // The ±RMSE lines are computed from the same residuals the fit reports (log space, Huber aside).
        var fit = TestData.ChinchillaFit;
        var binding = FittedRows.Bind(fit, TestData.ChinchillaTrain, new ResidualOptions());
        var r = binding.Residuals();
        Assert.Equal(fit.Statistics.Count, r.Length);
        Assert.Equal(fit.Statistics.RootMeanSquareError, Math.Sqrt(r.Average(v => v * v)), 1e-9);
    }
}
