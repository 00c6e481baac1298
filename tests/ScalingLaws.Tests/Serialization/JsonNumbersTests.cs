using System.Globalization;
using ScalingLaws.Serialization;
using Xunit;

namespace ScalingLaws.Tests.Serialization;

public class JsonNumbersTests
{
    /// <summary>
    /// An elapsed time written as milliseconds in the round-trip format reads back as the same TimeSpan, so a plan or fit
    /// written, read and written again gives the same file (TimeSpan.FromMilliseconds alone loses a tick on about 6% of durations).
    /// </summary>
    [Fact]
    public void DurationsRoundTripToTheTick()
    {
        var random = new Random(1);
        for (int q = 0; q < 20_000; q++)
        {
            var elapsed = TimeSpan.FromTicks(random.NextInt64(0, 10_000_000_000));
            string written = elapsed.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture);
            Assert.Equal(elapsed, JsonNumbers.Duration(double.Parse(written, CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void NullDurationReadsAsZero() => Assert.Equal(TimeSpan.Zero, JsonNumbers.Duration(double.NaN));
}
