using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Uncertainty;
using ScalingLaws.Optimization.Bootstrapping;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Benchmarks;

/// <summary>
/// Mixture optimisation speed: a 17-domain optimisation with bounds (target &lt; 50 ms) and a 1,000-replicate
/// bootstrap of the optimal weights of a 5-domain data-mixing fit (target &lt; 10 s on 2 cores).
/// Run: <c>dotnet run -c Release --project tests/ScalingLaws.Benchmarks -- --filter '*Optim*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class OptimizationBenchmarks
{
    private MixtureProblem _regMix = null!;
    private MixtureProblem _synthetic = null!;
    private MixtureProblem _five = null!;
    private IReadOnlyList<FitResult> _fiveFits = null!;
    private IReadOnlyList<FitData> _fiveData = null!;

    [GlobalSetup]
    public void Setup()
    {
        string data = DataFolder.Find();
        var ranges = new Dictionary<string, (double, double)> { ["log_c"] = (-2, 1.5), ["log_k"] = (-10, 1) }.ToImmutableDictionary();

        // RegMix 1M train set: data-mixing law for the Pile-CC loss, 17 weight columns.
        var regmix = RegMixReader.Read(Path.Combine(data, "regmix"), RegMixSet.Train1M);
        var domains = regmix.ColumnNames.Where(c => c.StartsWith("w_", StringComparison.Ordinal)).ToArray();
        var fit = LevenbergMarquardt.Fit(new DataMixingLaw(domains), regmix.ToFitData(domains, "loss_pile_cc"),
            new FitOptions { Starts = new RandomStarts(32, ranges), Screening = new StartScreening(10, 4) });
        _regMix = new MixtureProblem
        {
            Model = MixtureModel.FromFit(fit),
            Objective = MixtureObjective.Target("loss_pile_cc"),
            LowerBounds = domains.ToImmutableDictionary(d => d, _ => 0.001),
            UpperBounds = ImmutableDictionary<string, double>.Empty.Add("w_pile_cc", 0.6).Add("w_github", 0.1),
        };

        // Synthetic: 17 domains, 13 data-mixing losses, weighted sum, bounds.
        var random = new Random(17);
        var synthetic = new DataMixingLaw(domains);
        var losses = new List<FittedLaw>();
        for (int i = 0; i < 13; i++)
        {
            var p = new double[2 + 17];
            p[0] = random.NextDouble();
            p[1] = -1 + 1.5 * random.NextDouble();
            for (int j = 0; j < 17; j++) p[2 + j] = -3 + 4 * random.NextDouble() - (j == i ? 2 : 0);
            losses.Add(new FittedLaw(synthetic, p, $"loss_{i}"));
        }
        var model = MixtureModel.FromFits(domains, losses);
        _synthetic = new MixtureProblem
        {
            Model = model,
            Objective = MixtureObjective.WeightedSum(model.Losses.Select(l => KeyValuePair.Create(l.Name, 1.0 / 13))),
            LowerBounds = domains.ToImmutableDictionary(d => d, _ => 0.005),
            UpperBounds = domains.ToImmutableDictionary(d => d, _ => 0.25),
        };

        // Data Mixing Laws 5Mix, 70M, step 30k: one data-mixing fit per validation group, total-loss objective.
        var table = MixingLawsReader.Read(Path.Combine(data, "mixinglaws", "5Mix", "70M.txt"));
        table = table.Where(r => r.Number("step") == 30000 && r.Number("reference_run") == 0);
        var valid = PileDomainGroups.ReadValidWeights(Path.Combine(data, "mixinglaws", "valid_weight.json"));
        table = PileDomainGroups.AddGroupLosses(table, valid);
        var five = table.ColumnNames.Where(c => c.StartsWith("h_", StringComparison.Ordinal)).ToArray();
        var law = new DataMixingLaw(five);
        _fiveData = PileDomainGroups.GroupNames.Select(g => table.ToFitData(five, "loss_" + g)).ToList();
        _fiveFits = _fiveData.Select(d => LevenbergMarquardt.Fit(law, d, new FitOptions { Starts = new RandomStarts(100, ranges) })).ToList();
        _five = new MixtureProblem
        {
            Model = MixtureModel.FromFits(five, _fiveFits),
            Objective = MixtureObjective.WeightedSum(PileDomainGroups.GroupNames.Select(g => KeyValuePair.Create("loss_" + g, PileDomainGroups.GroupWeights(valid)[g]))),
        };
    }

    /// <summary>17 domains, one real data-mixing loss (RegMix Pile-CC), lower bounds 0.001 and two upper bounds.</summary>
    [Benchmark]
    public MixturePlan Optimize17DomainsRegMix() => MixtureOptimizer.Optimize(_regMix);

    /// <summary>17 domains, 13 synthetic data-mixing losses (weighted sum), every weight in [0.005, 0.25].</summary>
    [Benchmark]
    public MixturePlan Optimize17Domains13Losses() => MixtureOptimizer.Optimize(_synthetic);

    /// <summary>1,000 case-resampling refits of the five group fits (warm start) and the bootstrap of the optimal weights.</summary>
    [Benchmark]
    public MixturePlan Bootstrap1000FiveDomainOptimalWeights()
    {
        var ensemble = Bootstrap.Refit(_fiveFits, _fiveData, new BootstrapOptions { Replicates = 1000, Seed = 1 });
        return BootstrapOptimum.Mixture(_five, ensemble);
    }
}

/// <summary>Finds the bundled data folder: next to the assembly, else up the directory tree, else $SCALINGLAWS_DATA.</summary>
internal static class DataFolder
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("SCALINGLAWS_DATA") is { Length: > 0 } env && Directory.Exists(env)) return env;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(candidate, "regmix")) && Directory.Exists(Path.Combine(candidate, "mixinglaws"))) return candidate;
            }
        throw new DirectoryNotFoundException("The bundled data folder was not found; set SCALINGLAWS_DATA to the repository's data folder.");
    }
}
