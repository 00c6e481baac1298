using ScalingLaws.Fitting;
using ScalingLaws.Tests.Expressions;
using Xunit;

namespace ScalingLaws.Tests.Laws;

/// <summary>Catalogue laws with a row cache evaluate from it exactly as they do directly.</summary>
public class RowCachedLawTests
{
    private static string[] Labels => [.. LawSamples.All.Where(c => c.Law is IRowCachedLaw).Select(c => c.Label)];

    public static TheoryData<string> CachedLaws() => [.. Labels];

    [Fact]
    public void TheLawsWithLogsOfTheirVariablesHaveARowCache()
    {
        foreach (string label in new[] { "chinchilla", "power", "data-constrained/excess-parameters", "data-constrained/within-optimum", "mixture-additive" })
            Assert.Contains(label, Labels);
    }

    [Theory]
    [MemberData(nameof(CachedLaws))]
    public void BatchEvaluationEqualsDirectEvaluation(string label)
    {
        var lawCase = LawSamples.Get(label);
        var random = new Random(label.Length);
        for (int trial = 0; trial < 50; trial++)
        {
            var (theta, _) = lawCase.Sample(random);
            double[][] rows = [.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => lawCase.Sample(random).X)];
            RowCacheTests.AssertBatchEqualsDirect(lawCase.Law, theta, rows, label);
        }
    }
}
