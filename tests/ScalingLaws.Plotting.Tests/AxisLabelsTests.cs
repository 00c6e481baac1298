using ScalingLaws.Laws;
using Xunit;

namespace ScalingLaws.Plotting.Tests;

public class AxisLabelsTests
{
    [Fact]
    public void AWeightLabelComesFromTheLawNotFromTheColumnName()
    {
        var law = new DataMixingLaw(["h_web", "w_code"]);
        Assert.Equal("Weight of web (fraction)", AxisLabels.For("h_web", law));
        Assert.Equal("Weight of code (fraction)", AxisLabels.For("w_code", law));
        Assert.Equal("h_web", AxisLabels.For("h_web"));
        Assert.Equal("h_other", AxisLabels.For("h_other", law));
        Assert.Equal("Parameters N", AxisLabels.For("N", law));
    }
}
