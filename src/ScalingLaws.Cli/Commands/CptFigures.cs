using System.Globalization;
using ScalingLaws.Cli.Infrastructure;
using ScalingLaws.Plotting.Mixtures;
using ScalingLaws.Optimization.Continual;
using ScottPlot;

namespace ScalingLaws.Cli.Commands;

/// <summary>The continual pre-training figures of <c>plot</c>: <c>--kind cmr</c> and <c>--kind pareto</c>.</summary>
internal static class CptFigures
{
    private const int Samples = 201;

    /// <summary>
    /// Losses against the domain share r_d at N and D (general loss, and domain loss when <c>--domain-fit</c> is
    /// given), with the general-loss limit, the feasible shares and the critical mixture ratio.
    /// </summary>
    public static Plot Ratio(CptInputs inputs)
    {
        var general = inputs.RequireGeneral("--kind cmr");
        var domain = inputs.DomainLaw;
        var (l0, tolerance) = inputs.RequireTolerance("--kind cmr");
        double n = inputs.ModelSizeFor(domain, general), d = inputs.TokensFor(domain, general);
        var generalLoss = Library(() => ContinualPretraining.LossAtShare(general, true, n, d, inputs.Options));
        var curves = new List<RatioCurve> { RatioCurve.Sample("general loss", generalLoss, Samples) };
        if (domain is not null)
            curves.Add(RatioCurve.Sample("domain loss", Library(() => ContinualPretraining.LossAtShare(domain, false, n, d, inputs.Options)), Samples));
        var cmr = Library(() => ContinualPretraining.CriticalRatio(general, n, d, l0, tolerance, inputs.Options));
        double? lowestFeasible = curves[0].Ratios.Zip(curves[0].Losses).Where(p => double.IsFinite(p.Second) && p.Second <= cmr.Limit)
            .Select(p => (double?)p.First).FirstOrDefault();
        return MixtureRatioFigure.Create(curves, new MixtureRatioOptions
        {
            LossLimit = cmr.Limit,
            CriticalRatio = cmr.Ratio,
            CriticalLoss = cmr.GeneralLossAtRatio,
            Feasible = cmr.Ratio is double ratio && lowestFeasible is double lower ? (lower, ratio) : null,
        });
    }

    /// <summary>The Pareto front of domain against general loss at N and D; with <c>--tolerance</c>, the trade-off choice marked.</summary>
    public static Plot Pareto(CptInputs inputs)
    {
        var domain = inputs.RequireDomain("--kind pareto");
        var general = inputs.RequireGeneral("--kind pareto");
        double n = inputs.ModelSizeFor(domain, general), d = inputs.TokensFor(domain, general);
        var front = Library(() => ContinualPretraining.ParetoFront(domain, general, n, d, Samples, inputs.Options));
        var points = front.Points.Select(p => new Plotting.Mixtures.ParetoPoint(p.SecondLoss, p.FirstLoss)).ToList();
        Plotting.Mixtures.ParetoPoint? chosen = null;
        if (inputs.Tolerance is var (l0, tolerance))
        {
            var choice = Library(() => ContinualPretraining.TradeOff(domain, general, n, d, l0, tolerance, inputs.Options));
            if (!choice.IsFeasible) throw new CliException("Option '--tolerance': " + choice.Message);
            chosen = new Plotting.Mixtures.ParetoPoint(choice.GeneralLoss!.Value, choice.DomainLoss,
                string.Create(CultureInfo.InvariantCulture, $"r_d = {choice.DomainShare:F3}"));
        }
        return ParetoFrontFigure.Create(points, new ParetoFrontOptions { Chosen = chosen });
    }

    private static T Library<T>(Func<T> call)
    {
        try { return call(); }
        catch (ArgumentException e) { throw new CliException(e.Message); }
    }
}
