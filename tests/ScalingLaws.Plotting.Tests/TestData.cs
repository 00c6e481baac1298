using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;

namespace ScalingLaws.Plotting.Tests;

/// <summary>The bundled data and fits on it, computed once and shared by all tests (thread-safe).</summary>
internal static class TestData
{
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    /// <summary>Folder where tests leave their images, for a person to look at: bin/…/rendered.</summary>
    public static string Rendered(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "rendered");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static readonly Lazy<RunTable> ChinchillaTable = new(() =>
        EpochChinchillaReader.Read(Data("epoch-chinchilla", "svg_extracted_data.csv"), EpochChinchillaReader.PublishedDropCount));

    private static readonly Lazy<FitResult> ChinchillaFitValue = new(() =>
    {
        var law = LawCatalog.Create("chinchilla");
        // A 16-point start grid around the published optimum keeps the fit fast; the recipe's loss and space are kept.
        var starts = new GridStarts(
        [
            GridAxis.Range("a", 5, 10, 5),
            GridAxis.Range("b", 5, 10, 5),
            GridAxis.Range("e", 0.5, 0.5, 1),
            GridAxis.Range("alpha", 0.25, 0.5, 0.25),
            GridAxis.Range("beta", 0.25, 0.5, 0.25),
        ]);
        return LevenbergMarquardt.Fit(law, ChinchillaTrain.ToFitData(law.Variables, "loss"), new FitOptions { Starts = starts });
    });

    /// <summary>The 240 Chinchilla points of the published replication (N, C, D, loss).</summary>
    public static RunTable Chinchilla => ChinchillaTable.Value;

    /// <summary>Chinchilla runs below 1.5e21 FLOP: the fitted runs.</summary>
    public static RunTable ChinchillaTrain => Chinchilla.Where(r => r.Number("C") < 1.5e21);

    /// <summary>Chinchilla runs at or above 1.5e21 FLOP: held out.</summary>
    public static RunTable ChinchillaHeldOut => Chinchilla.Where(r => r.Number("C") >= 1.5e21);

    /// <summary>The Chinchilla law fitted to <see cref="ChinchillaTrain"/>.</summary>
    public static FitResult ChinchillaFit => ChinchillaFitValue.Value;

    /// <summary>The IsoFLOP budgets of Hoffmann et al. (2022), Figure 3.</summary>
    public static ImmutableArray<double> IsoFlopBudgets { get; } = [6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21];

    /// <summary>The three training domains of the Data Mixing Laws 3Mix set, in weight-column order.</summary>
    public static ImmutableArray<string> MixDomains { get; } = ["h_Github", "h_Books3", "h_Pile_CC"];

    private static readonly Lazy<ImmutableArray<FitResult>> MixFits = new(() =>
    {
        var table = MixingLawsReader.Read(Data("mixinglaws", "3Mix", "410M.txt"));
        double last = table.Numeric("step").Where(double.IsFinite).Max();
        var final = table.Where(r => r.Number("step") == last);
        return
        [
            .. new[] { "loss_Github", "loss_Books3", "loss_Pile_CC" }.Select(target =>
            {
                var law = LawCatalog.Create("data-mixing", MixDomains);
                var data = final.ToFitData(law.Variables, target, missing: MissingValuePolicy.DropRow);
                return LevenbergMarquardt.Fit(law, data, new FitOptions { Starts = new RandomStarts(24), Seed = 7 });
            }),
        ];
    });

    /// <summary>Data mixing laws fitted to the 410M 3Mix runs at their last step: losses on Github, Books3 and Pile-CC.</summary>
    public static ImmutableArray<FitResult> MixingFits => MixFits.Value;

    /// <summary>The mean predicted validation loss over the three domains at weights (Github, Books3, Pile-CC).</summary>
    public static double MeanMixLoss(double github, double books, double pileCc) =>
        MixingFits.Average(f => f.Predict([github, books, pileCc]));
}
