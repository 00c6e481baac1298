using ScalingLaws.Plotting.Compute;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Compute;

public class IsoFlopFigureTests
{
    [Fact]
    public void IsoFlopCurvesOfTheChinchillaFitWithObservedRunsAndTheFrontier()
    {
        var plot = IsoFlopFigure.Create(TestData.ChinchillaFit, TestData.IsoFlopBudgets, TestData.Chinchilla);
        var texts = RenderedImage.Check(plot, "isoflop");
        RenderedImage.AssertContains(texts, "Chinchilla law: IsoFLOP curves", "Parameters N", "Loss (nats/token)",
            "C = 6e18 FLOP", "C = 1e20 FLOP", "C = 3e21 FLOP", "compute-optimal N_opt(C)");
    }

    [Fact]
    public void TheMarkedOptimumMinimisesTheCurve()
    {
        var model = new ComputeModel(TestData.ChinchillaFit, new IsoFlopOptions());
        foreach (double c in TestData.IsoFlopBudgets)
        {
            var opt = model.Optimum(c);
            Assert.Equal(c, 6 * opt.Parameters * opt.Tokens, c * 1e-9);
            Assert.True(model.Loss(c, opt.Parameters * 1.05) > opt.Loss);
            Assert.True(model.Loss(c, opt.Parameters / 1.05) > opt.Loss);
        }
    }

    [Fact]
    public void ALawWithoutTokensIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            IsoFlopFigure.Create(TestData.ChinchillaFit, [1e20], options: new IsoFlopOptions { TokenVariable = "T" }));
        Assert.Contains("token variable 'T'", e.Message, StringComparison.Ordinal);
    }
}
