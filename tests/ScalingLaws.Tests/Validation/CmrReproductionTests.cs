using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Validation;
using Xunit;
using Xunit.Abstractions;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// Gu et al.'s loss-versus-ratio law L(R) = αR^s + β (LAWS.md §8 Table 2 [T]): fitted on
/// R ∈ {1, 0.75, 0.5, 1/3}, it predicts the observed loss at R = 0.25 within 0.05 % for all four models.
/// </summary>
public class CmrReproductionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("460M", 1.4628, 1.4844, 1.5122, 1.5387, 1.5561, 1.5566)]
    [InlineData("940M", 1.3723, 1.3910, 1.4155, 1.4385, 1.4538, 1.4546)]
    [InlineData("1.6B", 1.3242, 1.3416, 1.3643, 1.3854, 1.3994, 1.3999)]
    [InlineData("3.1B", 1.2585, 1.2750, 1.2965, 1.3170, 1.3305, 1.3303)]
    public void FourRatiosPredictTheFifth(string model, double l1, double l075, double l05, double l033, double observed, double paper)
    {
        var law = LawCatalog.Create("cmr-ratio");
        var fitData = new FitData(["R"], [1, 0.75, 0.5, 1.0 / 3], [l1, l075, l05, l033]);
        var testData = new FitData(["R"], [0.25], [observed]);
        var result = HoldOut.Evaluate(law, fitData, testData);
        double error = result.TestMetrics.MeanRelativeError;
        output.WriteLine($"{model}: α = {result.Fit["alpha"].Value:G4}, s = {result.Fit["s"].Value:G4}, β = {result.Fit["beta"].Value:G5}; "
            + $"L(0.25) = {result.Predicted[0]:F5} vs observed {observed} ({100 * error:F4} %); paper {paper} ({100 * Math.Abs(paper - observed) / observed:F3} %)");
        Assert.True(result.IsUsable, result.Fit.BriefReport());
        Assert.True(error <= 0.0005, $"{model}: relative error {error:P4} above 0.05 %");
        Assert.True(result.Fit["alpha"].Value < 0);
    }
}
