using System.Reflection;
using ScalingLaws.Fitting;
using Xunit;

namespace ScalingLaws.Tests.Conventions;

/// <summary>
/// The library's top-level namespaces (ScalingLaws.Data, .Fitting, .Laws, ...) form a directed acyclic
/// graph: an edge A → B means a type of A refers to a type of B in its metadata or IL.
/// </summary>
public class NamespaceCycleTests
{
    internal static Dictionary<string, SortedSet<string>> Edges(Assembly assembly)
    {
        var edges = new Dictionary<string, SortedSet<string>>();
        foreach (var (type, references) in TypeReferences.Of(assembly))
        {
            var from = TopLevel(type);
            if (from is null) continue;
            if (!edges.ContainsKey(from)) edges[from] = [];
            foreach (var reference in references)
            {
                if (reference.Assembly != assembly) continue;
                var to = TopLevel(reference);
                if (to is not null && to != from) edges[from].Add(to);
            }
        }
        return edges;
    }

    private static string? TopLevel(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith("ScalingLaws.", StringComparison.Ordinal)) return null;
        var rest = ns["ScalingLaws.".Length..];
        int dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>A cycle through the edges, as "A → B → A", or null when there is none.</summary>
    internal static string? FindCycle(Dictionary<string, SortedSet<string>> edges)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        string? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                    return string.Join(" → ", path.SkipWhile(n => n != next).Append(next));
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle) return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle) return cycle;
        return null;
    }

    [Fact]
    public void TopLevelNamespacesHaveNoCycle()
    {
        var edges = Edges(typeof(FitResult).Assembly);
        var cycle = FindCycle(edges);
        var graph = string.Join("; ", edges.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} → {string.Join(", ", e.Value)}"));
        Assert.True(cycle is null, $"Namespace cycle {cycle}. Edges: {graph}");
    }

    [Fact]
    public void TheScanSeesEdgesFromSignaturesAndBodies()
    {
        var edges = Edges(typeof(FitResult).Assembly);
        // Laws build FitRecipe values inside method bodies, and Optimization signatures take FittedLaw.
        Assert.Contains("Fitting", edges["Laws"]);
        Assert.Contains("Fitting", edges["Optimization"]);
    }

    [Fact]
    public void RunTablesDependOnNoOtherNamespace()
    {
        // The binding of law variables to columns lives in Fitting (TableBinding), so Data stands alone.
        var edges = Edges(typeof(FitResult).Assembly);
        Assert.Empty(edges.GetValueOrDefault("Data") ?? []);
    }

    [Fact]
    public void FindCycleReportsACycle()
    {
        var edges = new Dictionary<string, SortedSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };
        Assert.Equal("A → B → C → A", FindCycle(edges));
        edges["C"].Clear();
        Assert.Null(FindCycle(edges));
    }
}
