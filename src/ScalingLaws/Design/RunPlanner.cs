using System.Collections.Immutable;
using System.Globalization;

namespace ScalingLaws.Design;

/// <summary>Builds run plans: the product of mixtures and a compute grid, one run per (mixture, N, D).</summary>
public static class RunPlanner
{
    /// <summary>
    /// The plan of every mixture at every grid point (mixtures outermost); runs are numbered <c>run-0001</c>, ….
    /// Without mixtures the runs carry no weights; without a grid they carry no N or D.
    /// </summary>
    /// <param name="domains">Domain names of the mixtures' shares (empty without mixtures).</param>
    /// <param name="mixtures">Mixtures (may be empty).</param>
    /// <param name="grid">The compute grid, or null.</param>
    /// <exception cref="ArgumentException">Neither mixtures nor a grid, a mixture of the wrong length, or a bad grid.</exception>
    public static RunPlan Product(ImmutableArray<string> domains, IReadOnlyList<ImmutableArray<double>> mixtures, ComputeGrid? grid)
    {
        ArgumentNullException.ThrowIfNull(mixtures);
        domains = domains.IsDefault ? [] : domains;
        if (mixtures.Count == 0 && grid is null) throw new ArgumentException("A plan needs mixtures, a compute grid, or both.");
        foreach (var m in mixtures)
            if (m.Length != domains.Length) throw new ArgumentException($"A mixture has {m.Length} shares for {domains.Length} domains.");
        var points = grid?.Points().Select(p => ((double?)p.ModelSize, (double?)p.Tokens, p.Checkpoints)).ToList()
            ?? [(null, null, ImmutableArray<double>.Empty)];
        var weights = mixtures.Count > 0 ? mixtures.ToList() : [ImmutableArray<double>.Empty];
        var runs = ImmutableArray.CreateBuilder<PlannedRun>(weights.Count * points.Count);
        int digits = Math.Max(4, (weights.Count * points.Count).ToString(CultureInfo.InvariantCulture).Length);
        foreach (var w in weights)
            foreach (var (n, d, checkpoints) in points)
                runs.Add(new PlannedRun("run-" + (runs.Count + 1).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0'), n, d, w, checkpoints));
        return new RunPlan(domains, runs.MoveToImmutable());
    }
}
