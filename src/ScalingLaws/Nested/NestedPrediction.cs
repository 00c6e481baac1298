using System.Collections.Immutable;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Nested;

/// <summary>
/// The predicted losses of one mixture at the target scale: the mixture laws' predictions, the step → size chain's
/// prediction when the mixture was fitted, the observation when a run at the target exists, and bootstrap intervals
/// when computed. Every array is in target order; an absent part is empty.
/// </summary>
/// <param name="Label">Where the mixture came from: <c>fitted</c>, <c>observed</c> (a run at the target) or <c>given</c>.</param>
/// <param name="Weights">The mixture, in domain order.</param>
/// <param name="Model">
/// The predicted losses: the mixture laws' L_t(h); for a fitted mixture (one with its own runs) L_t(h) + κ·(chain − L_t(h)),
/// its own effect beyond the law shrunk by <see cref="MixtureLawFit.RunEffectWeights"/>.
/// </param>
/// <param name="Chain">Size-law predictions (fitted mixtures only).</param>
/// <param name="Observed">Observed losses at the target scale (runs at the target only).</param>
/// <param name="Intervals">Bootstrap intervals of the mixture laws, moved by the same run effect as <paramref name="Model"/>.</param>
/// <param name="OutsideRange">Domains whose weight lies outside the range of the fitted mixtures (the mixture law extrapolates there).</param>
public sealed record NestedPrediction(string Label, ImmutableArray<double> Weights, ImmutableArray<double> Model, ImmutableArray<double> Chain,
    ImmutableArray<double> Observed, ImmutableArray<BootstrapInterval> Intervals, ImmutableArray<string> OutsideRange)
{
    /// <summary>
    /// One prediction per fitted mixture, per observed run at the target, and per mixture in <paramref name="given"/>
    /// (the fitted and observed lists are used when <paramref name="given"/> is empty).
    /// </summary>
    /// <param name="fit">The nested fit.</param>
    /// <param name="given">Mixtures to predict, in domain order; empty: every mixture of the data.</param>
    /// <param name="ensemble">Optional bootstrap of the mixture laws, for intervals.</param>
    /// <param name="level">Interval level; default 0.95.</param>
    public static ImmutableArray<NestedPrediction> For(NestedFit fit, IReadOnlyList<IReadOnlyList<double>> given, BootstrapEnsemble? ensemble = null, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(given);
        var result = ImmutableArray.CreateBuilder<NestedPrediction>();
        NestedPrediction Make(string label, IReadOnlyList<double> given, int mixture, ImmutableArray<double> observed)
        {
            var w = NestedData.Normalise(given);
            var model = fit.Predict(w);
            ImmutableArray<BootstrapInterval> intervals = ensemble is null ? [] : NestedBootstrap.PredictionIntervals(fit, ensemble, w, level);
            if (mixture < 0) return new(label, [.. w], model, [], observed, intervals, OutsideOf(fit, w));
            // A fitted mixture: the law plus its own effect shrunk by κ (the intervals move with it).
            var chain = fit.SizeLaw.AtTarget[mixture];
            var shift = Enumerable.Range(0, model.Length).Select(t => fit.MixtureLaws[t].RunEffectWeights[mixture] * (chain[t] - model[t])).ToArray();
            return new(label, [.. w], [.. model.Select((v, t) => v + shift[t])], chain, observed,
                [.. intervals.Select((i, t) => i with { Lower = i.Lower + shift[t], Upper = i.Upper + shift[t], Median = i.Median + shift[t] })], OutsideOf(fit, w));
        }
        if (given.Count > 0)
        {
            foreach (var w in given)
                result.Add(Make("given", w, IndexOf(fit, NestedData.Normalise(w)), []));
            return result.ToImmutable();
        }
        for (int m = 0; m < fit.Mixtures.Length; m++)
            result.Add(Make("fitted", fit.Mixtures[m], m, []));
        foreach (var o in fit.Observations)
            result.Add(Make("observed", o.Weights, IndexOf(fit, NestedData.Normalise(o.Weights)), o.Losses));
        return result.ToImmutable();
    }

    private static int IndexOf(NestedFit fit, IReadOnlyList<double> weights)
    {
        for (int m = 0; m < fit.Mixtures.Length; m++)
            if (fit.Mixtures[m].Select((v, j) => Math.Abs(v - weights[j]) <= RangeTolerance).All(b => b)) return m;
        return -1;
    }

    /// <summary>Weights are logged to a few digits (0.01562 for 1/64): a weight within 1e-4 of the fitted range counts as inside.</summary>
    private const double RangeTolerance = 1e-4;

    private static ImmutableArray<string> OutsideOf(NestedFit fit, IReadOnlyList<double> weights)
    {
        var outside = ImmutableArray.CreateBuilder<string>();
        for (int j = 0; j < fit.Options.Domains.Length; j++)
        {
            double lo = fit.Mixtures.Min(m => m[j]), hi = fit.Mixtures.Max(m => m[j]);
            if (weights[j] < lo - RangeTolerance || weights[j] > hi + RangeTolerance) outside.Add(fit.Options.Domains[j]);
        }
        return outside.ToImmutable();
    }
}
