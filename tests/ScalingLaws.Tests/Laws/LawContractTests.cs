using Xunit;

namespace ScalingLaws.Tests.Laws;

/// <summary>Span lengths are checked with messages that name the law and the expected counts.</summary>
public class LawContractTests
{
    public static TheoryData<string> Labels() => [.. LawSamples.All.Select(c => c.Label)];

    [Theory]
    [MemberData(nameof(Labels))]
    public void WrongSpanLengthsAreRejected(string label)
    {
        var lawCase = LawSamples.Get(label);
        var (theta, x) = lawCase.Sample(new Random(1));
        var law = lawCase.Law;
        var tooFew = Assert.Throws<ArgumentException>(() => law.Evaluate(theta[..^1], x));
        Assert.Contains(law.Name, tooFew.Message);
        Assert.Throws<ArgumentException>(() => law.Evaluate(theta, [.. x, 1.0]));
        Assert.Throws<ArgumentException>(() => law.EvaluateWithGradient(theta, x, new double[theta.Length + 1]));
        Assert.Throws<ArgumentException>(() => law.EvaluateWithGradient(theta, x[..^1], new double[theta.Length]));
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void EvaluationIsDeterministicAndDoesNotAllocate(string label)
    {
        var lawCase = LawSamples.Get(label);
        var (theta, x) = lawCase.Sample(new Random(2));
        var law = lawCase.Law;
        var gradient = new double[theta.Length];
        law.EvaluateWithGradient(theta, x, gradient);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double first = 0;
        for (int i = 0; i < 100; i++)
        {
            first = law.Evaluate(theta, x);
            law.EvaluateWithGradient(theta, x, gradient);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(first, law.Evaluate(theta, x));
    }
}
