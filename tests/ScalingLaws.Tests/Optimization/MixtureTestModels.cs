using System.Collections.Immutable;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Mixtures;

namespace ScalingLaws.Tests.Optimization;

/// <summary>Random but reproducible mixture models for the optimiser tests.</summary>
internal static class MixtureTestModels
{
    public static string[] Domains(int k) => Enumerable.Range(1, k).Select(j => $"h_d{j}").ToArray();

    /// <summary>m data-mixing losses over k domains: log c ∈ [0, 1], log k ∈ [−1, 0.5], t_ij ∈ [−3, 1] with t_ii more negative.</summary>
    public static MixtureModel DataMixing(Random random, int k, int m)
    {
        var domains = Domains(k);
        var law = new DataMixingLaw(domains);
        var losses = new List<FittedLaw>();
        for (int i = 0; i < m; i++)
        {
            var p = new double[2 + k];
            p[0] = random.NextDouble();
            p[1] = -1 + 1.5 * random.NextDouble();
            for (int j = 0; j < k; j++) p[2 + j] = -3 + 4 * random.NextDouble() - (j == i % k ? 2 : 0);
            losses.Add(new FittedLaw(law, p, $"loss_{i + 1}"));
        }
        return MixtureModel.FromFits(domains, losses);
    }

    /// <summary>A Shukor additive law over k domains at a fixed (N, D), γ ∈ [0.2, 1.8] (not convex when γ &gt; 1).</summary>
    public static MixtureModel Additive(Random random, int k)
    {
        var domains = Domains(k);
        var law = new MixtureAdditiveLaw(domains);
        var p = new List<double> { 1.8, 400, 400, 0.34, 0.28 };
        for (int j = 0; j < k; j++) p.Add(0.2 + 3 * random.NextDouble());
        for (int j = 0; j < k; j++) p.Add(0.2 + 1.6 * random.NextDouble());
        return MixtureModel.FromFit(new FittedLaw(law, p, "loss"));
    }

    /// <summary>Uniform samples on the simplex projected into the problem's bounds, filtered by its loss limits.</summary>
    public static IEnumerable<double[]> FeasibleSamples(MixtureProblem problem, int count, int seed)
    {
        var random = new Random(seed);
        int k = problem.Model.Domains.Length;
        var lower = problem.Model.Domains.Select(d => problem.LowerBounds.GetValueOrDefault(d, 0.0)).ToArray();
        var upper = problem.Model.Domains.Select(d => problem.UpperBounds.GetValueOrDefault(d, 1.0)).ToArray();
        for (int s = 0; s < count; s++)
        {
            var h = new double[k];
            double sum = 0;
            for (int j = 0; j < k; j++) { h[j] = -Math.Log(1 - random.NextDouble()); sum += h[j]; }
            for (int j = 0; j < k; j++) h[j] /= sum;
            // Rescale into the box: h = l + (1 − Σl)·y, then clip at the upper bounds and pass the excess on.
            double free = 1 - lower.Sum();
            for (int j = 0; j < k; j++) h[j] = lower[j] + free * h[j];
            for (int pass = 0; pass < k; pass++)
            {
                double excess = 0;
                for (int j = 0; j < k; j++) if (h[j] > upper[j]) { excess += h[j] - upper[j]; h[j] = upper[j]; }
                if (excess <= 0) break;
                var room = Enumerable.Range(0, k).Where(j => h[j] < upper[j]).ToList();
                double total = room.Sum(j => upper[j] - h[j]);
                foreach (int j in room) h[j] += excess * (upper[j] - h[j]) / total;
            }
            yield return h;
        }
    }

    public static ImmutableDictionary<string, double> Bounds(params (string, double)[] entries) =>
        entries.ToImmutableDictionary(e => e.Item1, e => e.Item2);
}
