using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace ScalingLaws.Tests.Laws;

/// <summary>Each law's formula text, evaluated independently, equals the law's code.</summary>
public class FormulaTextTests
{
    public static TheoryData<string> Labels() => [.. LawSamples.All.Select(c => c.Label)];

    [Theory]
    [MemberData(nameof(Labels))]
    public void FormulaNamesExactlyTheVariablesAndParameters(string label)
    {
        var law = LawSamples.Get(label).Law;
        var expected = law.Variables.Concat(law.Parameters.Select(p => p.Name)).Order().ToArray();
        var actual = FormulaTextEvaluator.Identifiers(law.Formula).Order().ToArray();
        Assert.Equal(expected, actual);
    }

    [Property(MaxTest = 100)]
    public Property FormulaTextEvaluatesLikeTheCode() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            foreach (var lawCase in LawSamples.All)
            {
                var (theta, x) = lawCase.Sample(random);
                var law = lawCase.Law;
                var values = new Dictionary<string, double>();
                for (int i = 0; i < x.Length; i++) values[law.Variables[i]] = x[i];
                for (int j = 0; j < theta.Length; j++) values[law.Parameters[j].Name] = theta[j];
                double fromText = FormulaTextEvaluator.Evaluate(law.Formula, values);
                double fromCode = law.Evaluate(theta, x);
                if (!(Math.Abs(fromText - fromCode) <= 1e-12 * Math.Abs(fromCode)))
                    return false.Label($"{lawCase.Label}, seed {seed}: text {fromText:R}, code {fromCode:R}");
            }
            return true.ToProperty();
        });
}
