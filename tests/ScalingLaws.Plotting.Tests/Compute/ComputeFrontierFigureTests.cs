using System.Collections.Immutable;
using ScalingLaws.Plotting.Compute;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Compute;

public class ComputeFrontierFigureTests
{
    [Fact]
    public void FrontierOfTheChinchillaFitWithReferenceModels()
    {
        var plot = ComputeFrontierFigure.Create(TestData.ChinchillaFit, 1e18, 1e25, new ComputeFrontierOptions
        {
            References = [new ReferenceAllocation("Chinchilla", 5.76e23, 70e9, 1.4e12)],
        });
        var texts = RenderedImage.Check(plot, "compute-frontier");
        RenderedImage.AssertContains(texts, "Chinchilla law: compute-optimal allocation", "Training compute C (FLOP)",
            "Parameters N_opt, tokens D_opt", "parameters N_opt(C)", "tokens D_opt(C)", "Chinchilla: ▲ N = 7e10, ■ D = 1.4e12", "1e20");
    }

    [Fact]
    public void PreparedFrontierWithIntervalsAndObservedOptima()
    {
        var points = new[] { 1e19, 1e20, 1e21, 1e22 }.Select(c =>
        {
            double n = 0.09 * Math.Pow(c, 0.5), d = c / (6 * n);
            return new ComputeOptimalPoint(c, n, d, double.NaN)
            {
                ParametersLower = n / 1.5, ParametersUpper = n * 1.5, TokensLower = d / 1.5, TokensUpper = d * 1.5,
            };
        }).ToList();
        var plot = ComputeFrontierFigure.Create(points, new ComputeFrontierOptions
        {
            Observed = [new ComputeOptimalPoint(1e20, 9e8, 1.8e10, 2.6)],
        });
        var texts = RenderedImage.Check(plot, "compute-frontier-intervals", 800, 600);
        RenderedImage.AssertContains(texts, "N_opt interval", "D_opt interval", "observed N_opt", "observed D_opt");
    }
}
