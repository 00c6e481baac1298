using System.Globalization;
using System.Text;

namespace ScalingLaws.Fitting;

/// <summary>Formats a <see cref="FitResult"/> as text, lmfit-style.</summary>
internal static class FitReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Brief(FitResult r)
    {
        var ps = string.Join(", ", r.Parameters.Select(p => p.StandardError is double se ? $"{p.Name}={G(p.Value)} ± {G(se)}" : $"{p.Name}={G(p.Value)}"));
        return $"{r.Law.Name} → {r.Target}: {(r.IsUsable ? "converged" : "NOT converged")} ({r.Termination}), objective {G(r.Objective)}; {ps}";
    }

    public static string Full(FitResult r)
    {
        var sb = new StringBuilder();
        var s = r.Statistics;
        sb.AppendLine("[[Fit]]");
        sb.AppendLine($"    law                = {r.Law.Name}");
        sb.AppendLine($"    formula            = {r.Target} ~ {r.Law.Formula}");
        sb.AppendLine($"    loss, space        = {r.Loss.ToText()}, {r.Space.ToString().ToLowerInvariant()}");
        sb.AppendLine($"    termination        = {r.Termination.Describe()}");
        sb.AppendLine($"    objective          = {G(r.Objective)}");
        sb.AppendLine($"    starts             = {r.Starts.Tried} tried, {r.Starts.Converged} converged, {r.Starts.ReachedBest} reached the best (start #{r.Starts.BestIndex + 1})");
        sb.AppendLine($"    iterations         = {r.Iterations}");
        sb.AppendLine($"    elapsed            = {r.Elapsed.TotalMilliseconds.ToString("F1", Inv)} ms");
        sb.AppendLine("[[Statistics]]");
        sb.AppendLine($"    data points        = {s.Count}");
        sb.AppendLine($"    free parameters    = {s.FreeParameters}");
        sb.AppendLine($"    degrees of freedom = {s.DegreesOfFreedom}");
        sb.AppendLine($"    RSS                = {G(s.ResidualSumOfSquares)}");
        sb.AppendLine($"    RMSE               = {G(s.RootMeanSquareError)}");
        sb.AppendLine($"    R²                 = {G(s.RSquared)}");
        sb.AppendLine($"    AIC                = {G(s.Aic)}");
        sb.AppendLine($"    BIC                = {G(s.Bic)}");
        sb.AppendLine($"    MAE                = {G(s.MeanAbsoluteError)}");
        sb.AppendLine($"    MRE                = {(100 * s.MeanRelativeError).ToString("G4", Inv)} %");
        sb.AppendLine("[[Parameters]]");
        int w = Math.Max(6, r.Parameters.Max(p => p.Name.Length));
        foreach (var p in r.Parameters)
        {
            string err = p.StandardError is { } se
                ? $" ± {G(se)}" + (p.RelativeErrorPercent is { } pct ? $" ({pct.ToString("F2", Inv)}%)" : "")
                : "";
            string note = p.Bound switch
            {
                BoundState.Fixed => " (fixed)",
                BoundState.AtLower => $" (at lower bound {G(p.Lower)})",
                BoundState.AtUpper => $" (at upper bound {G(p.Upper)})",
                _ => "",
            };
            sb.AppendLine($"    {p.Name.PadRight(w)} = {G(p.Value)}{err}{note}   (init = {G(p.Initial)})");
        }
        var c = r.Covariance;
        if (c.IsAvailable)
        {
            // The pairs by falling |C|, equal ones in the order found (an insertion sort: a handful of pairs).
            int pairs = c.Names.Length * (c.Names.Length - 1) / 2, count = 0;
            var strength = new double[pairs];
            var lines = new string[pairs];
            for (int i = 0; i < c.Names.Length; i++)
                for (int j = i + 1; j < c.Names.Length; j++)
                {
                    double rho = c.Correlation(i, j);
                    if (!(Math.Abs(rho) > 0.9)) continue;
                    int at = count++;
                    for (; at > 0 && strength[at - 1] < Math.Abs(rho); at--) { strength[at] = strength[at - 1]; lines[at] = lines[at - 1]; }
                    strength[at] = Math.Abs(rho);
                    lines[at] = $"    C({c.Names[i]}, {c.Names[j]}) = {rho.ToString("F4", Inv)}";
                }
            if (count > 0)
            {
                sb.AppendLine("[[Correlations]] (|C| > 0.9)");
                for (int t = 0; t < count; t++) sb.AppendLine(lines[t]);
            }
        }
        else sb.AppendLine($"[[Covariance]]\n    unavailable: {c.Reason}");
        if (r.Warnings.Length > 0)
        {
            sb.AppendLine("[[Warnings]]");
            foreach (var warning in r.Warnings) sb.AppendLine("    " + warning);
        }
        return sb.ToString();
    }

    internal static string G(double v) => v.ToString("G7", Inv);
}
