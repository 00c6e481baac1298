using System.Collections.Immutable;
using ScalingLaws.Data;
using ScalingLaws.Fitting;
using ScalingLaws.Laws;
using ScalingLaws.Tests.Data;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Tests.Optimization;

/// <summary>Fits on the bundled data shared by the optimisation tests (computed once per test run).</summary>
internal static class MixtureFixtures
{
    /// <summary>Starts for the data-mixing fits: 100 seeded quasi-random starts in log c ∈ [−2, 1.5], log k ∈ [−10, 1], t ∈ [−1, 1]
    /// (fewer than the recipe's 6,000; on these data both reach the same objective).</summary>
    public static readonly StartPoints DataMixingStarts = new RandomStarts(100,
        new Dictionary<string, (double, double)> { ["log_c"] = (-2, 1.5), ["log_k"] = (-10, 1) }.ToImmutableDictionary());

    private static readonly Lazy<FiveDomain> Five = new(LoadFive);

    /// <summary>Data Mixing Laws 5Mix, 70M model, step 30k, 26 mixtures; one data-mixing fit per validation group.</summary>
    public static FiveDomain FiveDomainFits => Five.Value;

    internal sealed record FiveDomain(ImmutableArray<string> Domains, ImmutableArray<FitResult> Fits, ImmutableArray<FitData> Data,
        ImmutableDictionary<string, double> GroupWeights)
    {
        public MixtureModel Model => MixtureModel.FromFits(Domains, Fits);

        /// <summary>The total validation loss: the group losses weighted by their shares of valid_weight.json.</summary>
        public MixtureObjective TotalLoss => MixtureObjective.WeightedSum(PileDomainGroups.GroupNames.Select(g => KeyValuePair.Create("loss_" + g, GroupWeights[g])));
    }

    private static FiveDomain LoadFive()
    {
        var table = MixingLawsReader.Read(DataPaths.Data("mixinglaws", "5Mix", "70M.txt"));
        table = table.Where(r => r.Number("step") == 30000 && r.Number("reference_run") == 0);
        var valid = PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));
        table = PileDomainGroups.AddGroupLosses(table, valid);
        var domains = table.ColumnNames.Where(c => c.StartsWith("h_", StringComparison.Ordinal)).ToImmutableArray();
        var law = new DataMixingLaw(domains);
        var data = PileDomainGroups.GroupNames.Select(g => table.ToFitData(domains, "loss_" + g)).ToImmutableArray();
        var fits = data.Select(d => LevenbergMarquardt.Fit(law, d, new FitOptions { Starts = DataMixingStarts })).ToImmutableArray();
        var groupWeights = PileDomainGroups.GroupWeights(valid);
        return new FiveDomain(domains, fits, data, groupWeights);
    }
}
