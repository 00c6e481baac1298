using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Fitting;

/// <summary>What the runs cannot identify is refused before fitting, with the weight column named.</summary>
public class DomainIdentifiabilityTests
{
    /// <summary>Rows of (h_a, h_b, h_c) and a loss; <paramref name="weights"/> maps row i to its three shares.</summary>
    private static FitData Data(IScalingLaw law, Func<int, double[]> weights, int rows = 12)
    {
        var x = new List<double>();
        var y = new List<double>();
        for (int i = 0; i < rows; i++)
        {
            var h = weights(i);
            if (law.Variables.Length > h.Length) x.AddRange([1e8 * (1 + i % 3), 1e9 * (1 + i % 4)]);
            x.AddRange(h);
            y.Add(3 - 0.5 * h[0] + 0.1 * i % 3);
        }
        return new FitData(law.Variables, x.ToArray(), y.ToArray());
    }

    private static double[] Varied(int i)
    {
        double a = 0.1 + 0.05 * (i % 5), b = 0.1 + 0.04 * (i % 7);
        return [a, b, 1 - a - b];
    }

    private static string Refused(IScalingLaw law, FitData data) =>
        Assert.Throws<FitSetupException>(() => LevenbergMarquardt.Fit(law, data, new FitOptions { Starts = StartPoints.Single })).Message;

    [Fact]
    public void ADomainAbsentFromEveryRunIsNamed()
    {
        var law = new DataMixingLaw(["h_a", "h_b", "h_c"]);
        string message = Refused(law, Data(law, i => [0.3 + 0.02 * i, 0.7 - 0.02 * i, 0]));
        Assert.Contains("'h_c' is 0 in every run", message);
    }

    [Fact]
    public void AConstantWeightIsNamed()
    {
        var law = new DataMixingLaw(["h_a", "h_b", "h_c"]);
        string message = Refused(law, Data(law, i => [0.2, 0.5 + 0.02 * i, 0.3 - 0.02 * i]));
        Assert.Contains("'h_a' is 0.2 in every run", message);
    }

    [Fact]
    public void CollinearWeightsNameTheColumnAndItsCombination()
    {
        var law = new DataMixingLaw(["h_a", "h_b", "h_c", "h_d"]);
        // h_c = 2·h_a in every run: the four shares vary but span only three directions.
        string message = Refused(law, Data(law, i =>
        {
            double a = 0.05 + 0.02 * (i % 6), b = 0.1 + 0.03 * (i % 5);
            return [a, b, 2 * a, 1 - 3 * a - b];
        }));
        Assert.Contains("'h_c' is, in every run, a linear combination of 'h_a'", message);
        Assert.DoesNotContain("'h_b'", message);
    }

    [Fact]
    public void MixtureLawsWithSizeAndTokensAreCheckedToo()
    {
        var law = LawCatalog.Create("mixture-additive", ["h_a", "h_b", "h_c"]);
        string message = Refused(law, Data(law, i => [0, 0.4 + 0.02 * i, 0.6 - 0.02 * i]));
        Assert.Contains("'h_a' is 0 in every run", message);
    }

    [Fact]
    public void WeightsThatVaryIndependentlyPass()
    {
        var law = new DataMixingLaw(["h_a", "h_b", "h_c"]);
        var data = Data(law, Varied);
        DomainIdentifiability.Check(law, data);
        Assert.NotNull(FitProblem.Create(law, data));
    }
}
