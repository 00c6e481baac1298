using System.Collections.Immutable;
using System.Text.Json;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Serialization;
using ScalingLaws.Optimization.Mixtures;
using Xunit;

namespace ScalingLaws.Tests.Optimization;

public class SavedFitReadingTests
{
    [Fact]
    public void SavedFitsAreReadBackForOptimisation()
    {
        var five = MixtureFixtures.FiveDomainFits;
        var fits = five.Fits.Select(f => FitJson.Read(FitJson.Write(f), "fit.json").Single().FittedLaw).ToList();
        for (int i = 0; i < fits.Count; i++)
        {
            Assert.Equal(five.Fits[i].Target, fits[i].Name);
            Assert.Equal(five.Fits[i].Values.ToArray(), fits[i].Parameters.ToArray());
            Assert.Equal(five.Fits[i].Law.Variables.ToArray(), fits[i].Law.Variables.ToArray());
        }
        var fromJson = MixtureOptimizer.Optimize(new MixtureProblem { Model = MixtureModel.FromFits(five.Domains, fits), Objective = five.TotalLoss });
        var direct = MixtureOptimizer.Optimize(new MixtureProblem { Model = five.Model, Objective = five.TotalLoss });
        Assert.Equal(direct.Weights.ToArray(), fromJson.Weights.ToArray());

        string several = FitJson.Write(five.Fits.Select(f => FitJson.ToDocument(f, null, null)));
        Assert.Equal(5, FitJson.Read(several, "fits.json").Length);
        Assert.Single(FitJson.Read(FitJson.Write(five.Fits[0]), "fit.json"));
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
        var back = FitJson.Read(FitJson.Write(fit), "fit.json").Single().FittedLaw;
        Assert.Equal("formula", back.Law.Name);
        Assert.Equal(fit.Predict([3e8]), back.Evaluate([3e8]));
        Assert.Throws<FormatException>(() => FitJson.Read("{\"schemaVersion\": 1, \"kind\": \"mixture-plan\"}", "plan.json"));
    }
}
