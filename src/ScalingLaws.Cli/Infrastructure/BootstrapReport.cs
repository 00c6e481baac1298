using System.Globalization;
using System.Text;
using ScalingLaws.Fitting;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Cli.Infrastructure;

/// <summary>The <c>[[Bootstrap]]</c> section of the fit report: each parameter's value, asymptotic and bootstrap standard errors, and percentile interval.</summary>
internal static class BootstrapReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// One line per parameter: value, standard error from the covariance, bootstrap standard error (the standard
    /// deviation over usable replicates) and the percentile interval; numbers in G7 as in the rest of the report.
    /// </summary>
    public static string Section(FitResult fit, BootstrapResult bootstrap)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(Inv,
            $"[[Bootstrap]] {bootstrap.Replicates} case-resampling refits ({bootstrap.UsableCount} usable), seed {bootstrap.Seed}, {100 * bootstrap.Level:G4}% percentile intervals"));
        int width = Math.Max(9, fit.Parameters.Max(p => p.Name.Length));
        string percent = (100 * bootstrap.Level).ToString("G4", Inv) + "% interval";
        sb.AppendLine($"    {"parameter".PadRight(width)}  {"value",-13} {"std. error",-13} {"boot. s.e.",-13} {percent}");
        for (int j = 0; j < fit.Parameters.Length; j++)
        {
            var p = fit.Parameters[j];
            var interval = bootstrap.Intervals[j];
            string se = p.StandardError is { } s ? G(s) : "n/a";
            sb.AppendLine($"    {p.Name.PadRight(width)}  {G(p.Value),-13} {se,-13} {G(bootstrap.StandardErrors[j]),-13} [{G(interval.Lower)}, {G(interval.Upper)}]");
        }
        if (bootstrap.UsableCount < bootstrap.Replicates)
            sb.AppendLine($"    {bootstrap.Replicates - bootstrap.UsableCount} refits did not converge and are left out of the intervals.");
        return sb.ToString();
    }

    /// <summary>A number as the report prints it (G7, invariant culture).</summary>
    public static string G(double value) => value.ToString("G7", Inv);
}
