using ScalingLaws.Plotting.Fits;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Fits;

public class FitCurvesFigureTests
{
    [Fact]
    public void LossVsTokensByModelSizeRendersWithExtrapolationShaded()
    {
        var fit = TestData.ChinchillaFit;
        var train = TestData.ChinchillaTrain;
        var d = train.Numeric("D");
        var plot = FitCurvesFigure.Create(fit, TestData.Chinchilla, "D", "N",
            new FitCurvesOptions { FittedRange = (d.Min(), d.Max()) });
        var texts = RenderedImage.Check(plot, "fit-curves-D-by-N");
        RenderedImage.AssertContains(texts, "Chinchilla law: loss vs D by N", "Training tokens D", "Loss (nats/token)", "N ≈", "extrapolation", "1e10");
        Assert.Equal(8 + 1, texts.Count(t => t.StartsWith("N ≈", StringComparison.Ordinal) || t == "extrapolation"));
    }

    [Fact]
    public void FewDistinctGroupValuesAreKeptExactly()
    {
        var table = TestData.Chinchilla.WithColumn("size", r => r.Number("N") < 5e8 ? 1e8 : 2e9);
        var fit = TestData.ChinchillaFit;
        var plot = FitCurvesFigure.Create(fit, table, "D", "size", new FitCurvesOptions { XRange = (1e9, 1e13) });
        var texts = RenderedImage.Check(plot, "fit-curves-two-groups", 700, 500);
        RenderedImage.AssertContains(texts, "size = 1e8", "size = 2e9", "extrapolation");
    }

    [Fact]
    public void PreparedGroupsRenderWithoutAFit()
    {
        var groups = new[]
        {
            new FitCurveGroup("small", [1e9, 2e9], [3.1, 2.9], [1e9, 1e10, 1e11], [3.1, 2.7, 2.5]),
            new FitCurveGroup("large", [1e9, 2e9], [2.8, 2.6], [1e9, 1e10, 1e11], [2.8, 2.4, 2.2]),
        };
        var plot = FitCurvesFigure.Create(groups, (1e9, 2e9), new FitCurvesOptions { Title = "Prepared", XLabel = "Tokens D" }, orderedGroups: false);
        var texts = RenderedImage.Check(plot, "fit-curves-prepared", 600, 400);
        RenderedImage.AssertContains(texts, "Prepared", "Tokens D", "small", "large", "extrapolation");
    }

    [Fact]
    public void RejectsAnXThatIsNotAVariableOfTheLaw()
    {
        var e = Assert.Throws<ArgumentException>(() => FitCurvesFigure.Create(TestData.ChinchillaFit, TestData.Chinchilla, "C", "N"));
        Assert.Contains("'C' is not a variable of law 'chinchilla'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingGroupColumnIsADataError()
    {
        Assert.Throws<ScalingLaws.Data.DataException>(() => FitCurvesFigure.Create(TestData.ChinchillaFit, TestData.Chinchilla, "D", "model_size"));
    }
}
