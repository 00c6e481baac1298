using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>Summaries of fit data used to build data-dependent starting points.</summary>
internal static class RecipeData
{
    /// <summary>Smallest finite positive target, or <paramref name="fallback"/> when there is none.</summary>
    public static double MinTarget(FitData data, double fallback)
    {
        double min = double.PositiveInfinity;
        foreach (double y in data.Y)
            if (double.IsFinite(y) && y > 0 && y < min) min = y;
        return double.IsPositiveInfinity(min) ? fallback : min;
    }

    /// <summary>Median of the finite targets, or <paramref name="fallback"/> when there is none.</summary>
    public static double MedianTarget(FitData data, double fallback) => Median(data.Y, fallback);

    /// <summary>
    /// Median of one of the law's variables over the rows. The column is found by name, else by
    /// position when the data carries exactly the law's variables; <paramref name="fallback"/> when
    /// neither works or no value is finite and positive.
    /// </summary>
    public static double MedianOf(FitData data, IScalingLaw law, int variable, double fallback)
    {
        double[]? column = Column(data, law, variable);
        if (column is null) return fallback;
        var positive = column.Where(v => double.IsFinite(v) && v > 0).ToArray();
        return Median(positive, fallback);
    }

    /// <summary>The values of the law's variable <paramref name="variable"/>, or null when it cannot be found.</summary>
    public static double[]? Column(FitData data, IScalingLaw law, int variable)
    {
        string name = law.Variables[variable];
        if (data.Variables.Contains(name)) return data.Column(name);
        if (data.VariableCount == law.Variables.Length) return data.Column(data.Variables[variable]);
        return null;
    }

    /// <summary>Median of the finite values, or <paramref name="fallback"/>.</summary>
    public static double Median(ReadOnlySpan<double> values, double fallback)
    {
        var finite = new List<double>(values.Length);
        foreach (double v in values)
            if (double.IsFinite(v)) finite.Add(v);
        if (finite.Count == 0) return fallback;
        finite.Sort();
        int n = finite.Count;
        return n % 2 == 1 ? finite[n / 2] : 0.5 * (finite[n / 2 - 1] + finite[n / 2]);
    }

    /// <summary>
    /// Least-squares line y ≈ slope·u + intercept over the rows where both are finite. Returns false
    /// when fewer than two such rows exist or u is constant.
    /// </summary>
    public static bool FitLine(ReadOnlySpan<double> u, ReadOnlySpan<double> y, out double slope, out double intercept)
    {
        double su = 0, sy = 0;
        int n = 0;
        for (int i = 0; i < u.Length; i++)
        {
            if (!double.IsFinite(u[i]) || !double.IsFinite(y[i])) continue;
            su += u[i]; sy += y[i]; n++;
        }
        slope = 0; intercept = n > 0 ? sy / n : 0;
        if (n < 2) return false;
        double mu = su / n, my = sy / n, suu = 0, suy = 0;
        for (int i = 0; i < u.Length; i++)
        {
            if (!double.IsFinite(u[i]) || !double.IsFinite(y[i])) continue;
            suu += (u[i] - mu) * (u[i] - mu);
            suy += (u[i] - mu) * (y[i] - my);
        }
        if (!(suu > 0)) return false;
        slope = suy / suu;
        intercept = my - slope * mu;
        return double.IsFinite(slope) && double.IsFinite(intercept);
    }
}
