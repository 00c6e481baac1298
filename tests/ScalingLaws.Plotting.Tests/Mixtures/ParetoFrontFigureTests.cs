using System.Collections.Immutable;
using ScalingLaws.Plotting.Mixtures;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Mixtures;

public class ParetoFrontFigureTests
{
    [Fact]
    public void FrontOfGithubVsPileCcLossWithCandidatesAndTheChosenMixture()
    {
        var fits = TestData.MixingFits;
        (double General, double Domain) Losses(double github, double books, double pile) =>
            (fits[2].Predict([github, books, pile]), fits[0].Predict([github, books, pile]));
        var candidates = new List<ParetoPoint>();
        for (int i = 0; i <= 20; i++)
            for (int j = 0; j <= 20 - i; j++)
            {
                var (g, d) = Losses(i / 20.0, j / 20.0, 1 - (i + j) / 20.0);
                candidates.Add(new ParetoPoint(g, d));
            }
        var front = candidates.Where(p => !candidates.Any(q => q.GeneralLoss <= p.GeneralLoss && q.DomainLoss <= p.DomainLoss &&
                                                               (q.GeneralLoss < p.GeneralLoss || q.DomainLoss < p.DomainLoss)))
            .Select((p, k) => p with { Label = k % 3 == 0 ? $"#{k}" : null }).ToList();
        Assert.True(front.Count >= 3);
        var plot = ParetoFrontFigure.Create(front, new ParetoFrontOptions
        {
            Candidates = [.. candidates],
            Chosen = front[front.Count / 2] with { Label = "chosen" },
            GeneralName = "Pile-CC",
            DomainName = "Github",
        });
        var texts = RenderedImage.Check(plot, "pareto-front");
        RenderedImage.AssertContains(texts, "Pareto front: domain vs general loss", "Loss on Pile-CC data (nats/token)", "Loss on Github data (nats/token)",
            "candidate mixtures", "Pareto front", "chosen (chosen): Pile-CC", "#0");
    }
}
