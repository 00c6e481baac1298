using ScalingLaws.Plotting.Mixtures;
using ScalingLaws.Optimization.Continual;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Mixtures;

public class MixtureRatioFigureTests
{
    [Fact]
    public void GeneralAndDomainLossVsGithubShareWithTheCriticalRatio()
    {
        // Two-domain slice of the 3Mix fits: Github vs Pile-CC (no Books3); "general" = Pile-CC loss.
        var fits = TestData.MixingFits;
        double General(double r) => fits[2].Predict([r, 0, 1 - r]);
        double Domain(double r) => fits[0].Predict([r, 0, 1 - r]);
        var cmr = CriticalMixtureRatio.Solve(General, General(0));
        Assert.True(cmr.IsFeasible);
        double ratio = cmr.Ratio!.Value;
        var plot = MixtureRatioFigure.Create(
            [RatioCurve.Sample("general loss (Pile-CC)", General), RatioCurve.Sample("domain loss (Github)", Domain)],
            new MixtureRatioOptions
            {
                Title = "Continual pre-training on Github",
                DomainName = "Github",
                Feasible = (0, ratio),
                CriticalRatio = ratio,
                CriticalLoss = cmr.GeneralLossAtRatio,
                LossLimit = cmr.Limit,
            });
        var texts = RenderedImage.Check(plot, "mixture-ratio");
        RenderedImage.AssertContains(texts, "Continual pre-training on Github", "Share of Github in the training mix (fraction)", "Loss (nats/token)",
            "general loss (Pile-CC)", "domain loss (Github)", "feasible: 0 to", $"critical mixture ratio {PlotNumber.Format(ratio)}", "loss limit");
    }

    [Fact]
    public void ObservedPointsAreDrawn()
    {
        var curve = RatioCurve.Sample("general", r => 2 + r * r) with { ObservedRatios = [0.1, 0.5], ObservedLosses = [2.02, 2.24] };
        var texts = RenderedImage.Check(MixtureRatioFigure.Create([curve]), "mixture-ratio-observed", 600, 400);
        RenderedImage.AssertContains(texts, "general, observed");
    }
}
