using Xunit;

namespace ScalingLaws.Cli.Tests;

public sealed class NestedCommandTests
{
    [Fact]
    public void MissingTargetScaleIsAClearError()
    {
        var result = CliRunner.Run("predict", "--nested", "--data", CliRunner.DataPath("mixinglaws", "RedPajama"), "--target", "loss_Github");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Option '--target-scale' is required with --nested", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownModelSizeIsAClearError()
    {
        var result = CliRunner.Run("optimize", "--nested", "--data", CliRunner.DataPath("mixinglaws", "RedPajama"), "--target", "loss_Github", "--target-scale", "size=7Q,step=100k");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown model size '7Q'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictWithoutFitOrNestedNamesTheOption()
    {
        var result = CliRunner.Run("predict", "--at", "N=1");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--fit", result.Error, StringComparison.Ordinal);
    }
}
