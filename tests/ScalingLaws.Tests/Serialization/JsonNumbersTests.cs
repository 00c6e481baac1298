using System.Text.Json;
using ScalingLaws.Serialization;
using Xunit;

namespace ScalingLaws.Tests.Serialization;

public class JsonNumbersTests
{
    /// <summary>
    /// An elapsed time written as milliseconds reads back as the same TimeSpan, so a plan or fit written,
    /// read and written again gives the same file (TimeSpan.FromMilliseconds alone loses a tick on about
    /// 6% of durations).
    /// </summary>
    [Fact]
    public void DurationsRoundTripToTheTick()
    {
        var random = new Random(1);
        for (int q = 0; q < 20_000; q++)
        {
            var elapsed = TimeSpan.FromTicks(random.NextInt64(0, 10_000_000_000));
            var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                JsonNumbers.Write(w, "elapsedMs", elapsed.TotalMilliseconds);
                w.WriteEndObject();
            }
            var element = JsonDocument.Parse(buffer.ToArray()).RootElement.GetProperty("elapsedMs");
            Assert.Equal(elapsed, JsonNumbers.ReadMilliseconds(element));
        }
    }

    [Fact]
    public void NullDurationReadsAsZero() =>
        Assert.Equal(TimeSpan.Zero, JsonNumbers.ReadMilliseconds(JsonDocument.Parse("{\"elapsedMs\": null}").RootElement.GetProperty("elapsedMs")));
}
