using System.Globalization;
using ScalingLaws.Serialization;
using ScalingLaws.Serialization.Documents;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// The numbers a sweep index shows for a job, read from its JSON outputs through their readers: the objective (one fit), the
/// fitted parameters, and the mean relative error on held-out rows (<c>heldOutRows.mre</c> of a validation, or
/// <c>scaleHoldOut.mre</c> of a fit).
/// </summary>
/// <param name="Objective">The objective of the single fit; null with none or several.</param>
/// <param name="Parameters"><c>name=value</c> joined by "; ", each prefixed by <c>target:</c> when there are several fits.</param>
/// <param name="ScaleHoldOutError">Mean relative error on the held-out rows, when reported.</param>
internal sealed record SweepMetrics(double? Objective, string Parameters, double? ScaleHoldOutError)
{
    /// <summary>No numbers.</summary>
    public static SweepMetrics None { get; } = new(null, "", null);

    /// <summary>The numbers of the first JSON output in <paramref name="outputs"/> that is a fit, several fits or a validation.</summary>
    public static SweepMetrics Read(IEnumerable<string> outputs)
    {
        foreach (var path in outputs.Where(p => p.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(p)))
        {
            try
            {
                string json = File.ReadAllText(path);
                switch (DocumentJson.KindOf(json))
                {
                    case "fit" or "fits":
                        var fits = FitJson.Read(json, path).Select(s => s.Document).ToList();
                        return From(fits, fits.Count == 1 ? Mre(fits[0].ScaleHoldOut?.Mre) : null);
                    case "validation":
                        var validation = ValidationJson.Read(json, path);
                        return From([validation.Fit], Mre(validation.HeldOutRows.Mre));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        }
        return None;
    }

    private static SweepMetrics From(IReadOnlyList<FitDocument> fits, double? heldOut)
    {
        string parameters = string.Join("; ", fits.SelectMany(f => f.Parameters.Select(p =>
            (fits.Count > 1 ? f.Target + ":" : "") + p.Name + "=" + p.Value.ToString("R", CultureInfo.InvariantCulture))));
        double? objective = fits.Count == 1 && double.IsFinite(fits[0].Objective) ? fits[0].Objective : null;
        return new SweepMetrics(objective, parameters, heldOut);
    }

    private static double? Mre(double? value) => value is double v && double.IsFinite(v) ? v : null;
}
