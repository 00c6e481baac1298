using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>
/// The scale hold-out of a fit: refit the law without the runs at the largest model size (the largest
/// <c>N</c>; for laws without N, the largest <c>D</c>) and predict those runs — the extrapolation error a
/// user of the law at the next scale meets. One refit with the fit's own resolved options (loss, space,
/// starts, fixed values) through <see cref="HoldOut"/>, started from the fit's optima rather than from its
/// whole start set (<see cref="LevenbergMarquardt.Refit"/>): the refit is still the minimiser of the objective
/// on the smaller runs, chosen by that objective alone, at the cost of the fit's last phase only.
/// </summary>
public static class ScaleHoldOut
{
    /// <summary>The variable whose largest value is held out: <c>N</c> when the law reads it, else <c>D</c>, else null.</summary>
    public static string? ScaleVariable(IScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return law.Variables.Contains("N") ? "N" : law.Variables.Contains("D") ? "D" : null;
    }

    /// <summary>
    /// The split holding out every row at the largest value of <see cref="ScaleVariable"/>, or null with the
    /// reason when the law has no scale variable or the data have a single value of it.
    /// </summary>
    public static (HoldOutSplit? Split, string? Reason) Split(IScalingLaw law, FitData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        string? variable = ScaleVariable(law);
        if (variable is null) return (null, $"law '{law.Name}' has no model size N or tokens D");
        double largest = data.Max(variable);
        int j = data.Variables.IndexOf(variable), m = data.VariableCount;
        var x = data.X;
        var test = new List<int>();
        for (int i = 0; i < data.Count; i++) if (x[i * m + j] >= largest) test.Add(i);
        if (test.Count == data.Count) return (null, $"every run has the same {variable}");
        return (HoldOutSplit.FromTestRows(data.Count, test), null);
    }

    /// <summary>
    /// Refits <paramref name="fit"/>'s law on the runs below the largest scale of <paramref name="data"/> (the
    /// data the fit was made on) and predicts the runs at it; null with the reason when not applicable or the
    /// refit cannot be set up (e.g. too few smaller runs for the free parameters).
    /// </summary>
    public static (HoldOutResult? Result, string? Reason) Evaluate(FitResult fit, FitData data)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var (split, reason) = Split(fit.Law, data);
        if (split is null) return (null, reason);
        try
        {
            return (HoldOut.Refit(fit, data, split, fit.Options with { Progress = null }), null);
        }
        catch (FitSetupException e)
        {
            return (null, e.Message);
        }
    }
}
