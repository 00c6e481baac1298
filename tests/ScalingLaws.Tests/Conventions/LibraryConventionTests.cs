using System.Reflection;
using System.Text.RegularExpressions;
using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests.Conventions;

/// <summary>The conventions of DESIGN.md, checked on the library's assembly and on the sources of the library projects.</summary>
public partial class LibraryConventionTests
{
    private static readonly Assembly Library = typeof(FitResult).Assembly;

    /// <summary>The library projects (folders of src/) and their root namespaces.</summary>
    public static TheoryData<string> LibraryProjects => ["ScalingLaws", "ScalingLaws.Plotting"];

    [Fact]
    public void PublicTypesAreImmutable()
    {
        var violations = ImmutabilityRules.Violations(Library).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void ImmutabilityRuleCatchesSettersArraysAndLists()
    {
        var violations = ImmutabilityRules.Violations(typeof(LibraryConventionTests).Assembly).ToList();
        Assert.Contains(violations, v => v.EndsWith(nameof(MutableSample) + ".Value has a public setter", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.EndsWith(nameof(MutableSample) + ".Values is a mutable Double[]", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.EndsWith(nameof(MutableSample) + ".Names is a mutable List`1", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains(nameof(ImmutableSample), StringComparison.Ordinal));
    }

    [Fact]
    public void LibraryNeverUsesTheConsole()
    {
        var uses = ConsoleUses(Library).ToList();
        Assert.True(uses.Count == 0, string.Join(Environment.NewLine, uses));
    }

    [Fact]
    public void ConsoleScanSeesConsoleCalls()
    {
        Assert.Contains(ConsoleUses(typeof(LibraryConventionTests).Assembly), u => u.Contains(nameof(ConsoleSample), StringComparison.Ordinal));
    }

    /// <summary>Every member of <see cref="Console"/> used in the method bodies of <paramref name="assembly"/>, as "Type uses Console.Member".</summary>
    internal static IEnumerable<string> ConsoleUses(Assembly assembly) =>
        assembly.GetTypes().SelectMany(t => TypeReferences.MembersUsedBy(t)
            .Where(m => m.DeclaringType == typeof(Console))
            .Select(m => $"{t.FullName} uses Console.{m.Name}"));

    [Theory]
    [MemberData(nameof(LibraryProjects))]
    public void OnePublicTypePerFileNamedAfterIt(string project)
    {
        var violations = new List<string>();
        foreach (var file in RepositoryFiles.SourcesOf(project))
        {
            var names = PublicTopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToList();
            var fileType = Path.GetFileName(file).Split('.')[0];
            if (names.Count > 1 || (names.Count == 1 && names[0] != fileType))
                violations.Add($"{Path.GetRelativePath(RepositoryFiles.Root, file)}: {string.Join(", ", names)}");
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(LibraryProjects))]
    public void NamespaceIsFolder(string project)
    {
        var folder = Path.Combine(RepositoryFiles.Root, "src", project);
        var violations = new List<string>();
        foreach (var file in RepositoryFiles.SourcesOf(project))
        {
            var relative = Path.GetRelativePath(folder, Path.GetDirectoryName(file)!);
            var expected = relative == "." ? project : project + "." + relative.Replace(Path.DirectorySeparatorChar, '.');
            var declared = FileScopedNamespace().Match(File.ReadAllText(file)) is { Success: true } m ? m.Groups["name"].Value : "(none)";
            if (declared != expected)
                violations.Add($"{Path.GetRelativePath(RepositoryFiles.Root, file)}: namespace {declared}, expected {expected}");
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void SourceScanFindsEveryPublicTopLevelType()
    {
        const string text = "namespace A.B;\n\n/// doc\npublic sealed record R(int X);\n\ninternal class I { public class Nested; }\npublic static partial class S\n{\n}\npublic enum E { One }\n";
        Assert.Equal(["R", "S", "E"], PublicTopLevelType().Matches(text).Select(m => m.Groups["name"].Value));
        Assert.Equal("A.B", FileScopedNamespace().Match(text).Groups["name"].Value);
    }

    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|readonly|partial|unsafe|ref)\s+)*(?:record\s+struct|record\s+class|record|class|struct|enum|interface|delegate\s+[^\s(]+)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex PublicTopLevelType();

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}

/// <summary>A type that breaks the immutability rule, to prove the rule sees it.</summary>
public sealed class MutableSample
{
    public double Value { get; set; }
    public double[] Values { get; init; } = [];
    public List<string> Names { get; init; } = [];
}

/// <summary>A type that keeps the immutability rule.</summary>
public sealed record ImmutableSample(double Value, System.Collections.Immutable.ImmutableArray<double> Values, IReadOnlyList<string> Names)
{
    public double Other { get; init; }
}

/// <summary>A type that writes to the console, to prove the scan sees it.</summary>
internal static class ConsoleSample
{
    public static void Write() => Console.WriteLine("sample");
}
