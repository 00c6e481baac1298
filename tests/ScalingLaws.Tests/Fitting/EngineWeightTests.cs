using ScalingLaws.Fitting;
using Xunit;
using static ScalingLaws.Tests.Fitting.EngineTestProblems;

namespace ScalingLaws.Tests.Fitting;

/// <summary>Per-row weights scale each residual by √w: integer weights repeat rows, zero weights drop them.</summary>
public class EngineWeightTests
{
    [Theory]
    [InlineData(0.02)]
    [InlineData(0.2)]
    public void IntegerWeightsEqualRepeatedRows(double noise)
    {
        var data = Decay(noise, n: 25);
        var weights = new double[data.Count];
        var repeated = new List<int>();
        for (int i = 0; i < data.Count; i++)
        {
            weights[i] = 1 + i % 4;
            for (int r = 0; r < weights[i]; r++) repeated.Add(i);
        }
        var weighted = new FitData(data.Variables, data.X, data.Y, weights);
        var fitWeighted = LevenbergMarquardt.Fit(DecayLaw(), weighted);
        var fitRepeated = LevenbergMarquardt.Fit(DecayLaw(), data.Subset([.. repeated]));
        var fitPlain = LevenbergMarquardt.Fit(DecayLaw(), data);
        Assert.True(fitWeighted.IsUsable);
        for (int j = 0; j < 3; j++)
        {
            AssertRelative(fitRepeated.Parameters[j].Value, fitWeighted.Parameters[j].Value, 1e-10, fitRepeated.Parameters[j].Name);
            // The weights matter: the unweighted fit is measurably different.
            Assert.True(Math.Abs(fitPlain.Parameters[j].Value - fitWeighted.Parameters[j].Value) > 1e-6 * Math.Abs(fitWeighted.Parameters[j].Value));
        }
        AssertRelative(fitRepeated.Objective, fitWeighted.Objective, 1e-10, "objective");
    }

    [Fact]
    public void ZeroWeightEqualsDroppingTheRow()
    {
        var data = Decay(0.02, n: 25);
        var y = data.Y.ToArray();
        y[7] += 5; // a gross outlier that the zero weight must remove entirely
        var weights = Enumerable.Repeat(1.0, data.Count).ToArray();
        weights[7] = 0;
        var weighted = new FitData(data.Variables, data.X, y, weights);
        var kept = Enumerable.Range(0, data.Count).Where(i => i != 7).ToArray();
        var dropped = new FitData(data.Variables, data.X, y).Subset(kept);
        var a = LevenbergMarquardt.Fit(DecayLaw(), weighted);
        var b = LevenbergMarquardt.Fit(DecayLaw(), dropped);
        Assert.True(a.IsUsable);
        for (int j = 0; j < 3; j++)
            AssertRelative(b.Parameters[j].Value, a.Parameters[j].Value, 1e-10, b.Parameters[j].Name);
        AssertRelative(b.Objective, a.Objective, 1e-10, "objective");
        AssertRelative(2.0, a["A"].Value, 0.05, "A near truth");
    }
}
