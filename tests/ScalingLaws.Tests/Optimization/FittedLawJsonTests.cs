using System.Collections.Immutable;
using System.Text.Json;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Optimization;
using ScalingLaws.Serialization;
using Xunit;

namespace ScalingLaws.Tests.Optimization;

public class FittedLawJsonTests
{
    [Fact]
    public void SavedFitsAreReadBackForOptimisation()
    {
        var five = MixtureFixtures.FiveDomainFits;
        var fits = five.Fits.Select(f => FittedLawJson.Read(FitJson.Write(f))).ToList();
        for (int i = 0; i < fits.Count; i++)
        {
            Assert.Equal(five.Fits[i].Target, fits[i].Name);
            Assert.Equal(five.Fits[i].Values.ToArray(), fits[i].Parameters.ToArray());
            Assert.Equal(five.Fits[i].Law.Variables.ToArray(), fits[i].Law.Variables.ToArray());
        }
        var fromJson = MixtureOptimizer.Optimize(new MixtureProblem { Model = MixtureModel.FromFits(five.Domains, fits), Objective = five.TotalLoss });
        var direct = MixtureOptimizer.Optimize(new MixtureProblem { Model = five.Model, Objective = five.TotalLoss });
        Assert.Equal(direct.Weights.ToArray(), fromJson.Weights.ToArray());

        string array = "[" + string.Join(",", five.Fits.Select(FitJson.Write)) + "]";
        Assert.Equal(5, FittedLawJson.ReadAll(array).Length);
        Assert.Single(FittedLawJson.ReadAll(FitJson.Write(five.Fits[0])));
    }

    [Fact]
    public void FormulaAndNdLawsAreRebuilt()
    {
        var law = FormulaLaw.Create("E + A/N^alpha", ["N"]);
        var x = new[] { 1e6, 1e7, 1e8, 1e9, 1e10 };
        var y = x.Select(n => 1.7 + 400 / Math.Pow(n, 0.3)).ToArray();
        var fit = LevenbergMarquardt.Fit(law, new FitData(["N"], x, y, target: "loss"), new FitOptions
        {
            Initial = new Dictionary<string, double> { ["E"] = 1.5, ["A"] = 300, ["alpha"] = 0.25 }.ToImmutableDictionary(),
        });
        var back = FittedLawJson.Read(FitJson.Write(fit));
        Assert.Equal("formula", back.Law.Name);
        Assert.Equal(fit.Predict([3e8]), back.Evaluate([3e8]));
        Assert.Throws<JsonException>(() => FittedLawJson.Read("{\"kind\": \"mixture-plan\"}"));
    }
}
