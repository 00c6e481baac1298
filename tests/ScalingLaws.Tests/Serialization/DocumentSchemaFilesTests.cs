using ScalingLaws.Serialization;
using Xunit;

namespace ScalingLaws.Tests.Serialization;

/// <summary>
/// Every schema file in docs/schema/ (but the hand-written fit schema) is exactly the schema exported from its document type,
/// so a member added to a document without updating its schema fails here. Set SCALINGLAWS_WRITE_SCHEMAS=1 to write them again.
/// </summary>
public class DocumentSchemaFilesTests
{
    private static string SchemaFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ScalingLaws.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "docs", "schema");
    }

    public static TheoryData<string> Kinds => [.. DocumentSchemas.All.Select(e => e.Kind)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheSchemaFileIsTheOneExportedFromTheDocumentType(string kind)
    {
        var entry = DocumentSchemas.All.Single(e => e.Kind == kind);
        string path = Path.Combine(SchemaFolder(), entry.FileName);
        string exported = DocumentSchemas.Export(entry);
        if (Environment.GetEnvironmentVariable("SCALINGLAWS_WRITE_SCHEMAS") == "1") File.WriteAllText(path, exported);
        Assert.True(File.Exists(path), $"{path} is missing; run this test with SCALINGLAWS_WRITE_SCHEMAS=1 to write it.");
        Assert.Equal(exported, File.ReadAllText(path));
    }

    [Fact]
    public void EveryDocumentKindIsListedOnce()
    {
        Assert.Equal(DocumentSchemas.All.Length, DocumentSchemas.All.Select(e => e.Kind).Distinct().Count());
        Assert.Equal(18, DocumentSchemas.All.Length);
    }
}
