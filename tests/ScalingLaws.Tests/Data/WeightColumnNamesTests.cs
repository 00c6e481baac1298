using ScalingLaws.Data;
using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Tests.Data;

public class WeightColumnNamesTests
{
    [Fact]
    public void DefaultWeightColumnsAreTheHColumnsElseTheWColumnsInTableOrder()
    {
        Assert.Equal(["h_web", "h_code"], WeightColumnNames.Default(["N", "h_web", "w_x", "h_code", "loss"]).ToArray());
        Assert.Equal(["w_b", "w_a"], WeightColumnNames.Default(["w_b", "loss", "w_a"]).ToArray());
        Assert.Empty(WeightColumnNames.Default(["N", "h_", "r_web", "loss"]).ToArray());
    }

    [Theory]
    [InlineData("h_web", "web")]
    [InlineData("w_pile_cc", "pile_cc")]
    [InlineData("r_code", "code")]
    [InlineData("h_", "h_")]
    [InlineData("web", "web")]
    [InlineData("loss_web", "loss_web")]
    public void TheDomainOfAColumnDropsOneWeightPrefix(string column, string domain) => Assert.Equal(domain, WeightColumnNames.Domain(column));

    [Fact]
    public void MixtureLawsNameTheirParametersByTheDomainOfEachColumn()
    {
        Assert.Equal(["log_c", "log_k", "t_web", "t_pile_cc"], new DataMixingLaw(["h_web", "w_pile_cc"]).Parameters.Select(p => p.Name));
    }
}
