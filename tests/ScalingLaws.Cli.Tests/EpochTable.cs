using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Cli.Tests;

/// <summary>The bundled Epoch Chinchilla runs loaded through the library as the CLI loads them (so CLI and library results can be compared).</summary>
public static class EpochTable
{
    public static string Path => CliRunner.DataPath("epoch-chinchilla", "svg_extracted_data.csv");

    /// <summary>The runs without the <paramref name="dropHighest"/> highest losses (ties broken by row order, as <c>--drop-highest</c> does).</summary>
    public static RunTable Load(int dropHighest)
    {
        var table = RunTableLoader.Load(Path);
        var loss = table.Numeric("loss");
        var keep = Enumerable.Range(0, loss.Length).OrderBy(i => loss[i]).ThenBy(i => i).Take(loss.Length - dropHighest).Order().ToArray();
        return table.Where(keep);
    }

    /// <summary>Chinchilla's law fitted with its catalogue recipe and <paramref name="seed"/>, and the data it was fitted to.</summary>
    public static (FitResult Fit, FitData Data) FitChinchilla(int dropHighest, int seed)
    {
        var law = LawCatalog.Create("chinchilla");
        var data = Load(dropHighest).ToFitData(law.Variables, "loss");
        return (LevenbergMarquardt.Fit(law, data, new FitOptions { Seed = seed }), data);
    }
}
