using Xunit;

namespace ScalingLaws.Cli.Tests;

/// <summary>
/// <c>--drop-highest K</c> drops the K rows of highest target, the later row first among equal values, and keeps the
/// others in their order: checked through a fit whose answer tells which rows were kept.
/// </summary>
public class DropHighestTieTests
{
    [Fact]
    public void AmongEqualTargetsTheLaterRowsAreDropped()
    {
        // y = 5 in rows 2, 3 and 5: dropping two drops rows 3 and 5 and keeps rows 1, 2 and 4, so the least-squares
        // c of y = c·x is Σxy/Σx² = (1 + 10 + 8)/(1 + 4 + 16) = 19/21 (keeping rows 1, 3, 4 would give 24/26).
        var path = CliRunner.WriteTemp("ties.csv", "x,y\n1,1\n2,5\n3,5\n4,2\n5,5\n");
        var r = CliRunner.Run("fit", "--data", path, "--formula", "c*x", "--target", "y", "--drop-highest", "2",
            "--no-scale-holdout", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(3, r.Json.GetProperty("statistics").GetProperty("n").GetInt32());
        double c = r.Json.GetProperty("parameters")[0].GetProperty("value").GetDouble();
        Assert.Equal(19.0 / 21.0, c, 1e-12);
    }
}
