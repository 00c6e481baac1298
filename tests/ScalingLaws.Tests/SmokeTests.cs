using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests;

public class SmokeTests
{
    [Fact]
    public void HuberLossMatchesDefinition()
    {
        var h = new HuberLoss(0.5);
        Assert.Equal(0.1 * 0.1 / 2, h.Cost(0.1), 15);
        Assert.Equal(0.5 * (2 - 0.25), h.Cost(-2), 15);
    }
}
