namespace ScalingLaws.Fitting;

/// <summary>
/// Expands <see cref="StartPoints"/> into full parameter vectors, projected into the bounds. Starts are generated
/// one at a time from their index (never materialised as a whole), so a large grid costs no memory of its own.
/// </summary>
internal sealed class StartGenerator
{
    private static readonly int[] Primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113];

    private readonly FitProblem _problem;
    private readonly string[] _names;
    private readonly int[] _gridIndex = [];
    private readonly double[] _shift = [], _lower = [], _upper = [];

    private StartGenerator(FitProblem problem)
    {
        _problem = problem;
        _names = problem.Law.Parameters.Select(s => s.Name).ToArray();
        switch (problem.Starts)
        {
            case ExplicitStarts e:
                Count = e.Points.IsDefaultOrEmpty ? 1 : e.Points.Length;
                break;
            case GridStarts g:
                Count = checked((int)g.Count);
                _gridIndex = g.Axes.Select(a => Array.IndexOf(_names, a.Parameter)).ToArray();
                break;
            case RandomStarts r:
                Count = r.Count;
                (_shift, _lower, _upper) = RandomRanges(problem, r);
                break;
            default:
                throw new InvalidOperationException($"Unknown start kind {problem.Starts.GetType().Name}.");
        }
    }

    /// <summary>Number of starts.</summary>
    public int Count { get; }

    /// <summary>The generator of <paramref name="problem"/>'s starts (validated by <see cref="FitProblem"/>: at most <see cref="StartPoints.MaxCount"/>).</summary>
    public static StartGenerator Expand(FitProblem problem) => new(problem);

    /// <summary>Start number <paramref name="index"/> (0-based), a new array.</summary>
    public double[] this[int index]
    {
        get
        {
            var v = (double[])_problem.Initial.Clone();
            switch (_problem.Starts)
            {
                case ExplicitStarts e when !e.Points.IsDefaultOrEmpty:
                    foreach (var (name, value) in e.Points[index]) v[Array.IndexOf(_names, name)] = value;
                    break;
                case GridStarts g:
                    long rest = index;
                    for (int q = g.Axes.Length - 1; q >= 0; q--)
                    {
                        var values = g.Axes[q].Values;
                        v[_gridIndex[q]] = values[(int)(rest % values.Length)];
                        rest /= values.Length;
                    }
                    break;
                case RandomStarts:
                    for (int j = 0, d = 0; j < v.Length; j++)
                    {
                        if (_problem.IsFixed[j]) continue;
                        double u = Halton(index + 1, Primes[d++ % Primes.Length]) + _shift[j];
                        u -= Math.Floor(u);
                        v[j] = _lower[j] + u * (_upper[j] - _lower[j]);
                    }
                    break;
            }
            for (int j = 0; j < v.Length; j++)
                v[j] = _problem.IsFixed[j] ? _problem.Initial[j] : Math.Clamp(v[j], _problem.Lower[j], _problem.Upper[j]);
            return v;
        }
    }

    /// <summary>Halton points with a seeded random shift (Cranley–Patterson rotation), one prime per free parameter: the shift and ranges.</summary>
    private static (double[] Shift, double[] Lower, double[] Upper) RandomRanges(FitProblem problem, RandomStarts r)
    {
        var names = problem.Law.Parameters.Select(s => s.Name).ToArray();
        int p = names.Length;
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
        return (shift, lo, hi);
    }

    private static double Halton(int index, int b)
    {
        double f = 1, r = 0;
        while (index > 0) { f /= b; r += f * (index % b); index /= b; }
        return r;
    }
}
