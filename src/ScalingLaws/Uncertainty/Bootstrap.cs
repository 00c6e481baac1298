using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Uncertainty;

/// <summary>
/// Case-resampling bootstrap of fits: each replicate draws n rows with replacement (seeded by the
/// replicate index), refits the law warm-started from the full fit's parameters (plus
/// <see cref="BootstrapOptions.ExtraStarts"/> jittered starts), and keeps the parameters. Replicates run in
/// parallel and are stored by index, so the result does not depend on the thread count.
/// </summary>
public static class Bootstrap
{
    /// <summary>Bootstraps one fit.</summary>
    /// <param name="fit">The full-data fit.</param>
    /// <param name="data">The data it was fitted to.</param>
    /// <param name="options">Options; default <see cref="BootstrapOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The data do not match the fit's law.</exception>
    public static BootstrapResult Refit(FitResult fit, FitData data, BootstrapOptions? options = null) =>
        Refit([fit], [data], options).Fits[0];

    /// <summary>Bootstraps several fits together (see <see cref="BootstrapOptions.ShareRows"/>).</summary>
    /// <param name="fits">The full-data fits.</param>
    /// <param name="data">The data of each fit, in the same order.</param>
    /// <param name="options">Options; default <see cref="BootstrapOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Counts differ, or rows are shared but the data sets differ in length.</exception>
    public static BootstrapEnsemble Refit(IReadOnlyList<FitResult> fits, IReadOnlyList<FitData> data, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fits);
        ArgumentNullException.ThrowIfNull(data);
        options ??= BootstrapOptions.Default;
        options.Validate();
        if (fits.Count == 0) throw new ArgumentException("No fit to bootstrap.", nameof(fits));
        if (fits.Count != data.Count) throw new ArgumentException($"{fits.Count} fits but {data.Count} data sets.", nameof(data));
        for (int f = 0; f < fits.Count; f++)
            if (!data[f].Variables.SequenceEqual(fits[f].Law.Variables))
                throw new ArgumentException($"Data set {f} has variables ({string.Join(", ", data[f].Variables)}) that differ from law '{fits[f].Law.Name}' ({string.Join(", ", fits[f].Law.Variables)}).", nameof(data));
        if (options.ShareRows && data.Any(d => d.Count != data[0].Count))
            throw new ArgumentException($"With shared rows every data set needs the same number of rows (got {string.Join(", ", data.Select(d => d.Count))}); set ShareRows = false to resample each independently.", nameof(data));

        int replicates = options.Replicates, count = fits.Count;
        var samples = new double[count][][];
        var usable = new bool[count][];
        for (int f = 0; f < count; f++) { samples[f] = new double[replicates][]; usable[f] = new bool[replicates]; }
        var baseOptions = fits.Select(fit => BaseOptions(fit, options)).ToArray();
        int finished = 0;
        Parallel.For(0, replicates, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, r =>
        {
            int[]? shared = options.ShareRows ? Indices(data[0].Count, options.Seed, r, 0) : null;
            for (int f = 0; f < count; f++)
            {
                var indices = shared ?? Indices(data[f].Count, options.Seed, r, (ulong)f + 1);
                var subset = data[f].Subset(indices);
                var random = new Random(SeedSequence.Derive(options.Seed, r, 1000 + (ulong)f));
                FitResult refit;
                try
                {
                    refit = LevenbergMarquardt.Fit(fits[f].Law, subset, baseOptions[f] with { Starts = Starts(fits[f], options.ExtraStarts, random) });
                }
                catch (FitSetupException)
                {
                    samples[f][r] = fits[f].Values.ToArray();
                    usable[f][r] = false;
                    continue;
                }
                samples[f][r] = refit.Values.ToArray();
                usable[f][r] = refit.IsUsable;
            }
            options.Progress?.Report(Interlocked.Increment(ref finished));
        });
        var results = ImmutableArray.CreateBuilder<BootstrapResult>(count);
        for (int f = 0; f < count; f++) results.Add(Summarize(FittedLaw.From(fits[f]), samples[f], usable[f], options));
        return new BootstrapEnsemble(results.MoveToImmutable());
    }

    /// <summary>The row indices drawn for one replicate (n draws with replacement).</summary>
    /// <param name="rows">n, the number of rows.</param>
    /// <param name="seed">The bootstrap seed.</param>
    /// <param name="replicate">The replicate index.</param>
    public static ImmutableArray<int> ResampleIndices(int rows, int seed, int replicate) => Indices(rows, seed, replicate, 0).ToImmutableArray();

    /// <summary>Percentile intervals and standard errors of given parameter samples.</summary>
    internal static BootstrapResult Summarize(FittedLaw estimate, double[][] samples, bool[] usable, BootstrapOptions options)
    {
        int p = estimate.Parameters.Length;
        var intervals = ImmutableArray.CreateBuilder<BootstrapInterval>(p);
        var errors = ImmutableArray.CreateBuilder<double>(p);
        for (int j = 0; j < p; j++)
        {
            var values = samples.Where((_, r) => usable[r]).Select(s => s[j]).ToList();
            intervals.Add(BootstrapInterval.Percentile(values, options.Level));
            errors.Add(StandardDeviation(values));
        }
        return new BootstrapResult
        {
            Estimate = estimate,
            Samples = samples.Select(s => s.ToImmutableArray()).ToImmutableArray(),
            Usable = usable.ToImmutableArray(),
            Intervals = intervals.MoveToImmutable(),
            StandardErrors = errors.MoveToImmutable(),
            Level = options.Level,
            Seed = options.Seed,
        };
    }

    internal static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count < 2) return double.NaN;
        double mean = finite.Average();
        return Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Count - 1));
    }

    private static int[] Indices(int rows, int seed, int replicate, ulong stream)
    {
        var random = new Random(SeedSequence.Derive(seed, replicate, stream));
        var indices = new int[rows];
        for (int i = 0; i < rows; i++) indices[i] = random.Next(rows);
        return indices;
    }

    private static FitOptions BaseOptions(FitResult fit, BootstrapOptions options)
    {
        var o = options.FitOptions ?? fit.Options with
        {
            Loss = fit.Loss,
            Space = fit.Space,
            Screening = null,
            MaxDegreeOfParallelism = 1,
            ComputeCovariance = false,
            Progress = null,
        };
        var initial = o.Initial;
        foreach (var p in fit.Parameters)
            if (p.Bound != BoundState.Fixed) initial = initial.SetItem(p.Name, p.Value);
        return o with { Initial = initial, MaxDegreeOfParallelism = 1, Screening = null };
    }

    private static StartPoints Starts(FitResult fit, int extra, Random random)
    {
        if (extra == 0) return StartPoints.Single;
        var points = ImmutableArray.CreateBuilder<ImmutableDictionary<string, double>>(extra + 1);
        points.Add(ImmutableDictionary<string, double>.Empty);
        for (int s = 0; s < extra; s++)
        {
            var point = ImmutableDictionary.CreateBuilder<string, double>();
            foreach (var p in fit.Parameters)
            {
                if (p.Bound == BoundState.Fixed) continue;
                double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                point[p.Name] = Math.Clamp(p.Value + Math.Max(0.1 * Math.Abs(p.Value), 0.05) * z, p.Lower, p.Upper);
            }
            points.Add(point.ToImmutable());
        }
        return new ExplicitStarts(points.MoveToImmutable());
    }
}
