using ScalingLaws.Data;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class PileDomainGroupsTests
{
    private static readonly IReadOnlyDictionary<string, double> Valid =
        PileDomainGroups.ReadValidWeights(DataPaths.Data("mixinglaws", "valid_weight.json"));

    [Fact]
    public void GroupWeightsSumTheirMembersAndWeighTheTotalLoss()
    {
        var weights = PileDomainGroups.GroupWeights(Valid);
        Assert.Equal(PileDomainGroups.GroupNames.Order(), weights.Keys.Order());
        foreach (var (group, members) in PileDomainGroups.Members)
            Assert.Equal(members.Sum(d => Valid[d]), weights[group], 15);
        // Σ_g weight_g · loss_g is the total loss column.
        var table = PileDomainGroups.AddGroupLosses(MixingLawsReader.Read(DataPaths.Data("mixinglaws", "5Mix", "70M.txt")), Valid);
        var total = table.Numeric("loss_total");
        for (int i = 0; i < table.RowCount; i++)
        {
            double sum = PileDomainGroups.GroupNames.Sum(g => weights[g] * table.Numeric("loss_" + g)[i]);
            Assert.Equal(total[i], sum, 12);
        }
    }

    [Fact]
    public void AMissingMemberWeightIsNamed()
    {
        var partial = Valid.Where(kv => kv.Key != "ArXiv").ToDictionary();
        var e = Assert.Throws<DataException>(() => PileDomainGroups.GroupWeights(partial));
        Assert.Contains("'ArXiv'", e.Message);
    }
}
