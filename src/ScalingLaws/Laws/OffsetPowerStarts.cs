using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Starts for laws of the form amplitude·v^s + offset: for each exponent s on a fixed list the
/// amplitude and offset are the least-squares line through (v^s, y), so every start already fits the
/// data as well as a line can for that s.
/// </summary>
internal static class OffsetPowerStarts
{
    /// <summary>The exponents tried: ±0.1, ±0.25, ±0.5, ±1, 0.2 and 2.</summary>
    public static readonly double[] Exponents = [-1, -0.5, -0.25, -0.1, 0.1, 0.2, 0.25, 0.5, 1, 2];

    /// <summary>Builds the starts; when the data cannot determine a line, uses amplitude 1 and offset 0.</summary>
    public static ExplicitStarts Build(FitData data, IScalingLaw law, string amplitude, string exponent, string offset)
    {
        double[]? v = RecipeData.Column(data, law, 0);
        var starts = new StartList();
        foreach (double s in Exponents)
        {
            double slope = 1, intercept = 0;
            if (v is not null)
            {
                var u = new double[v.Length];
                for (int i = 0; i < v.Length; i++) u[i] = Math.Pow(v[i], s);
                if (!RecipeData.FitLine(u, data.Y, out slope, out intercept)) { slope = 1; intercept = 0; }
            }
            starts.Add((amplitude, slope), (exponent, s), (offset, intercept));
        }
        return starts.Build();
    }
}
