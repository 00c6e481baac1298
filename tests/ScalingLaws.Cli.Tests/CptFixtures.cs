using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Laws;
using ScalingLaws.Serialization;
using ScalingLaws.Serialization.Documents;
using ScalingLaws.Fitting;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// Saved-fit files with known parameters for the continual pre-training commands (no bundled data set holds CPT runs):
/// the same illustrative D-CPT fits as the library's ContinualPretrainingTests, and the CMR laws with published values.
/// </summary>
public static class CptFixtures
{
    public const double ModelSize = 1.8e9;
    public const double Tokens = 1e10;

    public static readonly FittedLaw Domain = new(new DcptLaw(), [1.2, 250, 180, 0.08, 0.32, 0.3, 0.1, 0.6, 0.02], "loss_domain");
    public static readonly FittedLaw General = new(new DcptLaw(), [1.6, 300, 200, 0.05, 0.3, 0.3, 0.2, 0.5, 0.01], "loss_general");

    /// <summary>General loss before CPT: the general law with only general data (r_g = 1) at N and D.</summary>
    public static double PreTrainingGeneralLoss => General.Evaluate([ModelSize, Tokens, 1.0]);

    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="law"/> as a <c>fit --format json</c> document and returns its path.</summary>
    public static string Write(FittedLaw law, string? directory = null)
    {
        directory ??= CliRunner.TempDir();
        var none = ImmutableSortedDictionary.Create<string, double>(StringComparer.Ordinal);
        var document = new FitDocument(1, "fit", law.Law.Name, law.Law.Formula, law.Name, law.Law.Variables,
            law.Law is IMixtureLaw mixture ? mixture.Domains : [],
            [.. law.Law.Parameters.Select((p, j) => new FitParameterEntry(p.Name, law.Parameters[j], double.NaN, double.NaN, double.NaN, law.Parameters[j], false, "free"))],
            new FitStatisticsEntry(0, law.Parameters.Length, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN),
            double.NaN, "l2", "linear", "CostTolerance", "published values", true, new FitStartsEntry(0, 0, 0, 0), 0, 0,
            new FitCovarianceEntry([], [], double.NaN, double.NaN, "published values"), [],
            new FitOptionsEntry(null, null, 1e-15, 1e-12, 1e-12, 50000, true, 0, none, none,
                ImmutableSortedDictionary.Create<string, ImmutableArray<double>>(StringComparer.Ordinal), new FitStartsOptionEntry()));
        var path = Path.Combine(directory, law.Name + ".json");
        File.WriteAllText(path, FitJson.Write(document));
        return path;
    }
}
