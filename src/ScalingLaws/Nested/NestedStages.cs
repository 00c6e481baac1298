using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Nested;

/// <summary>The three fits of the nested prediction, each on explicit numbers so the bootstrap can refit them.</summary>
internal static class NestedStages
{
    private static readonly ImmutableArray<string> CurveVariables = ["x", "curve"];

    /// <summary>Rows (x, curve) → y of several curves: <c>y[curve][point]</c> at <c>x[curve][point]</c>.</summary>
    public static FitData CurveData(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<IReadOnlyList<double>> y, string target)
    {
        int rows = y.Sum(c => c.Count);
        var xs = new double[rows * 2];
        var ys = new double[rows];
        int row = 0;
        for (int c = 0; c < y.Count; c++)
            for (int i = 0; i < y[c].Count; i++, row++)
            {
                xs[2 * row] = x[c][i];
                xs[2 * row + 1] = c;
                ys[row] = y[c][i];
            }
        return new FitData(CurveVariables, xs, ys, target: target);
    }

    /// <summary>Fits a shared-exponent power law; <paramref name="warm"/> replaces the recipe's starts by one warm start.</summary>
    public static FitResult FitCurves(SharedExponentPowerLaw law, FitData data, RobustLoss loss, int seed, IReadOnlyList<double>? warm = null) =>
        LevenbergMarquardt.Fit(law, data, CurveOptions(law, loss, seed, warm));

    /// <summary>L_c(x) of a fitted shared-exponent law.</summary>
    public static double Curve(IReadOnlyList<double> parameters, int curves, int curve, double x) =>
        Math.Exp(parameters[curve]) + Math.Exp(parameters[^1] * (parameters[curves + curve] - Math.Log(x)));

    /// <summary>A step law over several curves (<c>steps[curve]</c>, <c>losses[curve]</c>) on (possibly resampled) losses.</summary>
    public static FitResult FitStep(IReadOnlyList<IReadOnlyList<double>> steps, IReadOnlyList<IReadOnlyList<double>> losses, NestedOptions options, int seed,
        IReadOnlyList<double>? warm = null, string target = "loss")
    {
        var law = new SharedExponentPowerLaw(losses.Count, 0.65, 0.9);
        return FitCurves(law, CurveData(steps, losses, target), options.StepLoss, seed, warm);
    }

    /// <summary>The size law over every (mixture, target) curve: <c>inputs[curve][size]</c>.</summary>
    public static FitResult FitSize(IReadOnlyList<double> sizes, IReadOnlyList<IReadOnlyList<double>> inputs, NestedOptions options, int seed,
        IReadOnlyList<double>? warm = null)
    {
        var law = new SharedExponentPowerLaw(inputs.Count, 0.3, 0.8);
        return FitCurves(law, CurveData(inputs.Select(_ => sizes).ToList(), inputs, "loss at the target step"), options.SizeLoss, seed, warm);
    }

    /// <summary>The mixture law of one target on mixtures → predicted target-scale losses.</summary>
    public static FitResult FitMixture(IScalingLaw law, NestedOptions options, IReadOnlyList<IReadOnlyList<double>> mixtures, IReadOnlyList<double> losses,
        string target, IReadOnlyList<double>? warm = null)
    {
        var data = MixtureData(law, options, mixtures, losses, target);
        var fitOptions = (options.MixtureFitOptions ?? FitOptions.Default) with { Seed = options.Seed, MaxDegreeOfParallelism = 1 };
        if (warm is not null) fitOptions = WithWarmStart(fitOptions, law, warm);
        return LevenbergMarquardt.Fit(law, data, fitOptions);
    }

    /// <summary>Rows of the mixture law: the law's variables (domain weights) of each mixture.</summary>
    public static FitData MixtureData(IScalingLaw law, NestedOptions options, IReadOnlyList<IReadOnlyList<double>> mixtures, IReadOnlyList<double> losses, string target)
    {
        var index = law.Variables.Select(v => options.Domains.IndexOf(v)).ToArray();
        var xs = new double[mixtures.Count * index.Length];
        for (int m = 0; m < mixtures.Count; m++)
            for (int j = 0; j < index.Length; j++) xs[m * index.Length + j] = mixtures[m][index[j]];
        return new FitData(law.Variables, xs, losses.ToArray(), target: target);
    }

    /// <summary>The mixture law's prediction at a mixture given in domain order.</summary>
    public static double PredictMixture(FittedLaw law, NestedOptions options, IReadOnlyList<double> weights)
    {
        Span<double> x = stackalloc double[law.Law.Variables.Length];
        for (int j = 0; j < x.Length; j++) x[j] = weights[options.Domains.IndexOf(law.Law.Variables[j])];
        return law.Evaluate(x);
    }

    private static FitOptions CurveOptions(SharedExponentPowerLaw law, RobustLoss loss, int seed, IReadOnlyList<double>? warm)
    {
        var o = new FitOptions { Loss = loss, Space = ResidualSpace.Linear, Seed = seed, MaxDegreeOfParallelism = 1 };
        return warm is null ? o : WithWarmStart(o with { ComputeCovariance = false, Screening = null }, law, warm);
    }

    private static FitOptions WithWarmStart(FitOptions options, IScalingLaw law, IReadOnlyList<double> warm) => options with
    {
        Initial = law.Parameters.Select((p, j) => KeyValuePair.Create(p.Name, warm[j])).ToImmutableDictionary(),
        Starts = StartPoints.Single,
        ComputeCovariance = false,
        Screening = null,
    };
}
