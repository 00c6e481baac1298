using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Data;

namespace ScalingLaws.Nested;

/// <summary>
/// The runs of a table laid out for the nested prediction: fitted sizes (below the target), mixtures logged
/// at two or more fitted sizes, one <see cref="NestedRun"/> per (size, mixture), the observations at the target, and
/// warnings for everything left out.
/// </summary>
internal sealed record NestedData(
    ImmutableArray<double> Sizes,
    ImmutableArray<ImmutableArray<double>> Mixtures,
    ImmutableArray<NestedRun> Runs,
    ImmutableArray<TargetObservation> Observations,
    ImmutableArray<string> Warnings)
{
    private const double SameScale = 1e-9;
    private const double SumTolerance = 1e-4;

    /// <summary>Reads the runs; throws <see cref="DataException"/> when the data cannot support the pipeline.</summary>
    public static NestedData Read(RunTable table, NestedOptions options)
    {
        var warnings = new List<string>();
        var size = table.Numeric(options.ModelSizeColumn);
        var step = table.Numeric(options.StepColumn);
        var weights = options.Domains.Select(table.Numeric).ToArray();
        var losses = options.Targets.Select(table.Numeric).ToArray();
        bool hasLabel = table.HasColumn("size") && table.Column("size").Kind == ColumnKind.Text;
        double targetN = options.TargetModelSize, targetS = options.TargetStep;

        var groups = new Dictionary<(double Size, string Mixture), List<int>>();
        var mixtureWeights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var observations = new List<TargetObservation>();
        var above = new SortedSet<double>();
        var offSimplex = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < table.RowCount; i++)
        {
            if (!(size[i] > 0) || !double.IsFinite(step[i])) continue;
            var w = weights.Select(c => c[i]).ToArray();
            if (w.Any(v => !double.IsFinite(v) || v < 0) || !(w.Sum() > 0)) continue;
            string key = MixtureKey(w);
            if (Math.Abs(w.Sum() - 1) > SumTolerance && offSimplex.TryAdd(key, w.Sum()))
                warnings.Add($"{table.RowSource(i)}: the domain weights of mixture {key} sum to {Format(w.Sum())}; they are rescaled to sum to 1 (a mixture law is defined on the simplex).");
            w = Normalise(w);
            if (Same(size[i], targetN))
            {
                if (Same(step[i], targetS))
                    observations.Add(new TargetObservation([.. w], [.. losses.Select(c => c[i])], table.RowSource(i)));
                continue;
            }
            if (size[i] > targetN) { above.Add(size[i]); continue; }
            if (options.MinimumStep is double lo && step[i] < lo) continue;
            if (options.MaximumStep is double hi && step[i] > hi) continue;
            if (losses.Any(c => !double.IsFinite(c[i]))) continue;
            mixtureWeights.TryAdd(key, w);
            var id = (size[i], key);
            if (!groups.TryGetValue(id, out var rows)) groups.Add(id, rows = []);
            rows.Add(i);
        }
        if (above.Count > 0)
            warnings.Add($"Runs at N = {string.Join(", ", above.Select(Format))} lie above the target N = {Format(targetN)} and are not used.");
        var sizes = groups.Keys.Select(k => k.Size).Distinct().Order().ToImmutableArray();
        if (sizes.Length == 0)
            throw new DataException($"no run below the target N = {Format(targetN)} with finite losses in {string.Join(", ", options.Targets)}"
                + $"{StepRangeText(options)}; the target lies below the fitted range or the data hold no usable runs.", table.Name);
        if (sizes.Length < 3)
            throw new DataException($"the size law needs runs at three or more model sizes below the target N = {Format(targetN)}; found {sizes.Length} ({string.Join(", ", sizes.Select(Format))}).", table.Name);

        string Label(double n, string mixture, int row) =>
            (hasLabel ? "size " + table.Text("size")[row] : "N = " + Format(n)) + ", mixture " + mixture;

        // Mixtures logged at two or more fitted sizes: with the size law's exponent shared by every curve, two sizes
        // determine a curve's level and scale; the exponent comes from the mixtures logged at three or more.
        var complete = new List<string>();
        var incomplete = new List<string>();
        var partial = new List<string>();
        foreach (var key in mixtureWeights.Keys.Order(StringComparer.Ordinal))
        {
            var missing = sizes.Where(n => !groups.ContainsKey((n, key))).ToList();
            if (sizes.Length - missing.Count >= 2) complete.Add(key);
            else incomplete.Add($"{key} (logged at N = {string.Join(", ", sizes.Where(n => groups.ContainsKey((n, key))).Select(Format))} only)");
            if (missing.Count > 0 && sizes.Length - missing.Count >= 2) partial.Add($"{key} (no run at N = {string.Join(", ", missing.Select(Format))})");
        }
        if (incomplete.Count > 0)
            warnings.Add($"{incomplete.Count} mixture(s) are logged at fewer than two fitted sizes and are left out (the size law needs two): {string.Join("; ", incomplete)}.");
        if (partial.Count > 0)
            warnings.Add($"{partial.Count} mixture(s) are not logged at every fitted size; their size-law curves pass through the sizes they have, with the exponent shared with the others: {string.Join("; ", partial)}.");

        // Runs with too few steps.
        var tooShort = new List<string>();
        var keep = new List<string>();
        foreach (var key in complete)
        {
            var shortRuns = sizes.Where(n => groups.ContainsKey((n, key))).Select(n => (n, rows: groups[(n, key)]))
                .Where(g => g.rows.Select(i => step[i]).Distinct().Count() < options.MinimumSteps).ToList();
            if (shortRuns.Count == 0) { keep.Add(key); continue; }
            foreach (var (n, rows) in shortRuns)
            {
                var steps = rows.Select(i => step[i]).Distinct().Order().ToList();
                tooShort.Add($"{table.RowSource(rows[0])}: run {Label(n, key, rows[0])} has {steps.Count} logged step(s){StepRangeText(options)} ({string.Join(", ", steps.Select(Format))}); the step law needs at least {options.MinimumSteps}");
            }
        }
        if (tooShort.Count > 0)
            warnings.Add($"Mixtures left out because a run has too few logged steps: {string.Join("; ", tooShort)}.");
        if (!keep.Any(k => sizes.Count(n => groups.ContainsKey((n, k))) >= 3))
            throw new DataException("no mixture is logged at three or more fitted sizes with enough steps for the step law, so the size law's exponent is not determined. "
                + string.Join(" ", warnings), table.Name);

        var mixtures = keep.Select(k => mixtureWeights[k].ToImmutableArray()).ToImmutableArray();
        var runs = ImmutableArray.CreateBuilder<NestedRun>();
        for (int m = 0; m < keep.Count; m++)
            foreach (var n in sizes)
            {
                if (!groups.TryGetValue((n, keep[m]), out var rows)) continue;
                var steps = rows.Select(i => step[i]).Distinct().Order().ToImmutableArray();
                var runLosses = ImmutableArray.CreateBuilder<ImmutableArray<double>>(losses.Length);
                foreach (var column in losses)
                    runLosses.Add(steps.Select(s => rows.Where(i => step[i] == s).Average(i => column[i])).ToImmutableArray());
                runs.Add(new NestedRun(n, m, steps, runLosses.MoveToImmutable(), table.RowSource(rows[0]), Label(n, keep[m], rows[0])));
            }

        double maxStep = runs.Max(r => r.Steps[^1]), minStep = runs.Min(r => r.Steps[0]);
        if (targetS < minStep)
            throw new DataException($"the target step {Format(targetS)} lies below the fitted range of steps [{Format(minStep)}, {Format(maxStep)}]; the step law extrapolates upwards.", table.Name);
        if (targetS < maxStep)
            warnings.Add($"The target step {Format(targetS)} lies inside the logged steps [{Format(minStep)}, {Format(maxStep)}]: the step law interpolates.");
        return new NestedData(sizes, mixtures, runs.ToImmutable(), [.. observations], [.. warnings]);
    }

    /// <summary>
    /// The weights rescaled to sum to 1, as every mixture is evaluated (the optimiser's baselines are rescaled the
    /// same way): the data mixing law is only gauge-invariant on the simplex, so off it its prediction is arbitrary.
    /// </summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or all are zero.</exception>
    public static double[] Normalise(IReadOnlyList<double> weights)
    {
        double sum = 0;
        foreach (double w in weights)
        {
            if (!double.IsFinite(w) || w < 0) throw new ArgumentException($"Domain weights must be finite and ≥ 0 (got {Format(w)}).", nameof(weights));
            sum += w;
        }
        if (!(sum > 0)) throw new ArgumentException("The domain weights are all zero.", nameof(weights));
        return [.. weights.Select(w => w / sum)];
    }

    /// <summary>The mixture as text: weights in round-trip form joined by '-'.</summary>
    public static string MixtureKey(IEnumerable<double> weights) => string.Join("-", weights.Select(Format));

    private static string StepRangeText(NestedOptions options) => (options.MinimumStep, options.MaximumStep) switch
    {
        (null, null) => "",
        (var lo, var hi) => $" in the step range [{(lo is double a ? Format(a) : "")}, {(hi is double b ? Format(b) : "")}]",
    };

    private static bool Same(double a, double b) => Math.Abs(a - b) <= SameScale * Math.Max(Math.Abs(a), Math.Abs(b));

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
