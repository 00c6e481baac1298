using System.Text.Json;
using ScalingLaws.Serialization;
using Xunit;

namespace ScalingLaws.Tests.Serialization;

public class JsonTextTests
{
    [Fact]
    public void WritesTheVersionedHeaderThenTheBodyWithReadableText()
    {
        string json = JsonText.Object("example", w => w.WriteString("note", "h ≥ 0.3, ½ of 'web'"));
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(SchemaVersion.Current, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("example", root.GetProperty("kind").GetString());
        Assert.Equal("h ≥ 0.3, ½ of 'web'", root.GetProperty("note").GetString());
        Assert.Contains("h ≥ 0.3, ½ of 'web'", json);
        Assert.Contains("\n  \"kind\": \"example\"", json);
    }

    [Fact]
    public void WithoutAKindTheBodyWritesEverything()
    {
        string json = JsonText.Object(null, w => w.WriteNumber("n", 3));
        var root = JsonDocument.Parse(json).RootElement;
        Assert.False(root.TryGetProperty("schemaVersion", out _));
        Assert.Equal(3, root.GetProperty("n").GetInt32());
    }
}
