namespace ScalingLaws.Fitting;

/// <summary>Expands <see cref="StartPoints"/> into full parameter vectors, projected into the bounds.</summary>
internal static class StartGenerator
{
    private static readonly int[] Primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113];

    public static double[][] Expand(FitProblem problem)
    {
        var specs = problem.Law.Parameters;
        int p = specs.Length;
        var names = specs.Select(s => s.Name).ToList();
        double[][] starts;
        switch (problem.Starts)
        {
            case ExplicitStarts e when e.Points.IsDefaultOrEmpty:
                starts = [(double[])problem.Initial.Clone()];
                break;
            case ExplicitStarts e:
                starts = e.Points.Select(point =>
                {
                    var v = (double[])problem.Initial.Clone();
                    foreach (var (name, value) in point) v[names.IndexOf(name)] = value;
                    return v;
                }).ToArray();
                break;
            case GridStarts g:
                starts = Grid(problem, g, names);
                break;
            case RandomStarts r:
                starts = Random(problem, r, names);
                break;
            default:
                throw new InvalidOperationException($"Unknown start kind {problem.Starts.GetType().Name}.");
        }
        foreach (var v in starts)
            for (int j = 0; j < p; j++)
                v[j] = problem.IsFixed[j] ? problem.Initial[j] : Math.Clamp(v[j], problem.Lower[j], problem.Upper[j]);
        return starts;
    }

    private static double[][] Grid(FitProblem problem, GridStarts g, List<string> names)
    {
        long count = g.Count;
        var result = new double[count][];
        var axes = g.Axes;
        var index = axes.Select(a => names.IndexOf(a.Parameter)).ToArray();
        for (long s = 0; s < count; s++)
        {
            var v = (double[])problem.Initial.Clone();
            long rest = s;
            for (int q = axes.Length - 1; q >= 0; q--)
            {
                int len = axes[q].Values.Length;
                v[index[q]] = axes[q].Values[(int)(rest % len)];
                rest /= len;
            }
            result[s] = v;
        }
        return result;
    }

    /// <summary>Halton points with a seeded random shift (Cranley–Patterson rotation), one prime per free parameter.</summary>
    private static double[][] Random(FitProblem problem, RandomStarts r, List<string> names)
    {
        int p = names.Count;
        var rng = new Random(problem.Options.Seed);
        var shift = new double[p];
        for (int j = 0; j < p; j++) shift[j] = rng.NextDouble();
        var lo = new double[p]; var hi = new double[p];
        for (int j = 0; j < p; j++)
        {
            double init = problem.Initial[j], width = Math.Max(1, Math.Abs(init));
            if (r.Ranges is not null && r.Ranges.TryGetValue(names[j], out var range)) (lo[j], hi[j]) = range;
            else
            {
                lo[j] = double.IsFinite(problem.Lower[j]) ? problem.Lower[j] : init - width;
                hi[j] = double.IsFinite(problem.Upper[j]) ? problem.Upper[j] : init + width;
                if (!double.IsFinite(problem.Lower[j]) && double.IsFinite(problem.Upper[j])) lo[j] = Math.Min(lo[j], hi[j] - 2 * width);
                if (double.IsFinite(problem.Lower[j]) && !double.IsFinite(problem.Upper[j])) hi[j] = Math.Max(hi[j], lo[j] + 2 * width);
            }
        }
        var result = new double[r.Count][];
        for (int s = 0; s < r.Count; s++)
        {
            var v = (double[])problem.Initial.Clone();
            for (int j = 0, d = 0; j < p; j++)
            {
                if (problem.IsFixed[j]) continue;
                double u = Halton(s + 1, Primes[d++ % Primes.Length]) + shift[j];
                u -= Math.Floor(u);
                v[j] = lo[j] + u * (hi[j] - lo[j]);
            }
            result[s] = v;
        }
        return result;
    }

    private static double Halton(int index, int b)
    {
        double f = 1, r = 0;
        while (index > 0) { f /= b; r += f * (index % b); index /= b; }
        return r;
    }
}
