using System.Reflection;
using ScalingLaws.Tests.Conventions;
using Xunit;

namespace ScalingLaws.Plotting.Tests.Conventions;

/// <summary>DESIGN.md's conventions on the plotting assembly: immutable public types, no console.</summary>
public class PlottingConventionTests
{
    private static readonly Assembly Plotting = typeof(AtomicFile).Assembly;

    [Fact]
    public void PublicTypesAreImmutable()
    {
        var violations = ImmutabilityRules.Violations(Plotting).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void PlottingNeverUsesTheConsole()
    {
        var uses = Plotting.GetTypes().SelectMany(t => TypeReferences.MembersUsedBy(t)
            .Where(m => m.DeclaringType == typeof(Console)).Select(m => $"{t.FullName} uses Console.{m.Name}")).ToList();
        Assert.True(uses.Count == 0, string.Join(Environment.NewLine, uses));
    }
}
