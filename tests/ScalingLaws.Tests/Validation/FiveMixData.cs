using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Data;
using ScalingLaws.Tests.Data;

namespace ScalingLaws.Tests.Validation;

/// <summary>
/// The Data Mixing Laws 5-domain logs (yegcjs/mixinglaws data/5Mix) with the group losses of LAWS.md §9:
/// a group's loss is the valid_weight-weighted mean of its domains, the total the weighted sum of all 22.
/// </summary>
internal static class FiveMixData
{
    public static readonly ImmutableArray<string> Groups = PileDomainGroups.GroupNames;

    public static readonly ImmutableArray<string> WeightColumns = [.. PileDomainGroups.GroupNames.Select(g => "h_" + g)];

    /// <summary>The six "held-out" mixtures of mix_5_domains.ipynb (lines 1, 5, 7, 12, 13, 16 of proportions.txt).</summary>
    public static readonly ImmutableArray<string> SixMixtures =
    [
        "0-0-0-0.25-0.75", "0.0625-0.09375-0.09375-0-0.75", "0.5-0-0.0625-0.0625-0.375",
        "0-0.09375-0.09375-0.0625-0.75", "0.5-0.09375-0.0625-0.25-0.09375", "0.125-0.1875-0.0625-0.25-0.375",
    ];

    public static ImmutableDictionary<string, double> ValidWeights { get; } =
        PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));

    /// <summary>Weight of each group in the total loss: the sum of its domains' validation weights.</summary>
    public static ImmutableDictionary<string, double> GroupWeights { get; } =
        PileDomainGroups.GroupWeights(ValidWeights);

    /// <summary>Every size of the set, with group and total losses.</summary>
    public static RunTable All() =>
        PileDomainGroups.AddGroupLosses(MixingLawsReader.ReadSet(DataPaths.Data("mixinglaws", "5Mix")), ValidWeights);

    /// <summary>The 26 mixtures of the 70M model at step 30k.</summary>
    public static RunTable SeventyMillionAtThirtyThousand() =>
        PileDomainGroups.AddGroupLosses(
            MixingLawsReader.Read(DataPaths.Data("mixinglaws", "5Mix", "70M.txt"))
                .Where(r => r.Number("step") == 30_000 && r.Number("reference_run") == 0),
            ValidWeights);

    /// <summary>The row of <paramref name="table"/> holding a mixture written as in proportions.txt.</summary>
    public static int RowOf(RunTable table, string mixture)
    {
        var r = mixture.Split('-').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var columns = WeightColumns.Select(table.Numeric).ToArray();
        return Enumerable.Range(0, table.RowCount).Single(i => Enumerable.Range(0, r.Length).All(j => columns[j][i] == r[j]));
    }
}
