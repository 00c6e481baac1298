using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Nested;

/// <summary>
/// The nested prediction next to laws that carry N and D directly (Shukor et al.'s <c>mixture-additive</c> and
/// <c>mixture-joint</c> by default), fitted on exactly the runs and steps the nested pipeline read (one fit per
/// target, D = step × tokens per step) and evaluated at (N*, D* = S* × tokens per step).
/// </summary>
/// <param name="Laws">The direct laws' names.</param>
/// <param name="Fits">Their fits: <c>Fits[law][target]</c>.</param>
/// <param name="Rows">One row per mixture of <see cref="NestedPrediction.For"/>: totals when the fit has total weights, else the first target.</param>
public sealed record NestedComparison(ImmutableArray<string> Laws, ImmutableArray<ImmutableArray<FitResult>> Fits, ImmutableArray<NestedComparisonRow> Rows)
{
    /// <summary>Fits the direct laws and tabulates the routes.</summary>
    /// <param name="fit">The nested fit.</param>
    /// <param name="predictions">The mixtures to compare (e.g. <see cref="NestedPrediction.For"/>).</param>
    /// <param name="tokensPerStep">Tokens per training step (mixinglaws: 1,048,576).</param>
    /// <param name="laws">Catalogue names of the direct laws; default <c>mixture-additive</c>, <c>mixture-joint</c>.</param>
    /// <param name="fitOptions">Options of their fits (e.g. fewer starts); default: each law's recipe.</param>
    public static NestedComparison Run(NestedFit fit, IReadOnlyList<NestedPrediction> predictions, double tokensPerStep,
        IReadOnlyList<string>? laws = null, FitOptions? fitOptions = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(predictions);
        laws ??= ["mixture-additive", "mixture-joint"];
        var o = fit.Options;
        var runs = fit.StepLaws.SelectMany(s => s.Runs).ToList();
        var fits = ImmutableArray.CreateBuilder<ImmutableArray<FitResult>>(laws.Count);
        foreach (var name in laws)
        {
            var law = LawCatalog.Create(name, o.Domains);
            var perTarget = new FitResult[o.Targets.Length];
            Parallel.For(0, o.Targets.Length, new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism }, t =>
                perTarget[t] = LevenbergMarquardt.Fit(law, Data(law, o, runs, fit.Mixtures, t, tokensPerStep), (fitOptions ?? FitOptions.Default) with { Seed = o.Seed }));
            fits.Add([.. perTarget]);
        }
        var rows = predictions.Select(p =>
        {
            var direct = fits.Select(perTarget => Combine(fit, perTarget.Select(f => Evaluate(f, o, p.Weights, tokensPerStep)).ToArray())).ToImmutableArray();
            return new NestedComparisonRow(p.Label, p.Weights, Combine(fit, p.Model), direct, p.Observed.IsEmpty ? double.NaN : Combine(fit, p.Observed));
        }).ToImmutableArray();
        return new NestedComparison([.. laws], fits.ToImmutable(), rows);
    }

    private static double Combine(NestedFit fit, IReadOnlyList<double> losses) => fit.Options.TotalWeights.IsEmpty ? losses[0] : fit.Total(losses);

    private static double Evaluate(FitResult fit, NestedOptions o, IReadOnlyList<double> weights, double tokensPerStep)
    {
        var x = fit.Law.Variables.Select(v => v switch
        {
            "N" => o.TargetModelSize,
            "D" => o.TargetStep * tokensPerStep,
            _ => weights[o.Domains.IndexOf(v)],
        }).ToArray();
        return FittedLaw.From(fit).Evaluate(x);
    }

    private static FitData Data(IScalingLaw law, NestedOptions o, List<NestedRun> runs, ImmutableArray<ImmutableArray<double>> mixtures, int target, double tokensPerStep)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var run in runs)
            for (int i = 0; i < run.Steps.Length; i++)
            {
                foreach (var v in law.Variables)
                    xs.Add(v switch
                    {
                        "N" => run.ModelSize,
                        "D" => run.Steps[i] * tokensPerStep,
                        _ => mixtures[run.Mixture][o.Domains.IndexOf(v)],
                    });
                ys.Add(run.Losses[target][i]);
            }
        return new FitData(law.Variables, xs.ToArray(), ys.ToArray(), target: o.Targets[target]);
    }
}
