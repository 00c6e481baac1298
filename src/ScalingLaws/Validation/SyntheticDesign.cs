using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Data;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>
/// Design points for <see cref="SyntheticRuns"/>: grids, points on the simplex of domain weights,
/// products of designs, and a default design for every catalogue law (<see cref="ForLaw"/>).
/// Every design is a <see cref="RunTable"/> of numeric columns named as the law's variables.
/// </summary>
public static class SyntheticDesign
{
    private const string DesignName = "synthetic design";

    /// <summary><paramref name="count"/> values from lo to hi inclusive, evenly spaced in log scale (numpy's geomspace).</summary>
    /// <param name="lo">First value, &gt; 0.</param>
    /// <param name="hi">Last value, &gt; 0.</param>
    /// <param name="count">Number of values, ≥ 1 (a single value is lo).</param>
    public static ImmutableArray<double> LogSpace(double lo, double hi, int count)
    {
        if (!(lo > 0) || !(hi > 0) || double.IsInfinity(lo) || double.IsInfinity(hi))
            throw new ArgumentException($"A log-spaced axis needs finite positive ends (got {F(lo)} and {F(hi)}).", nameof(lo));
        return [.. LinSpace(Math.Log(lo), Math.Log(hi), count).Select((v, k) => k == 0 ? lo : k == count - 1 ? hi : Math.Exp(v))];
    }

    /// <summary><paramref name="count"/> evenly spaced values from lo to hi inclusive (numpy's linspace).</summary>
    /// <param name="lo">First value.</param>
    /// <param name="hi">Last value.</param>
    /// <param name="count">Number of values, ≥ 1 (a single value is lo).</param>
    public static ImmutableArray<double> LinSpace(double lo, double hi, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
            throw new ArgumentException($"An axis needs finite ends (got {F(lo)} and {F(hi)}).", nameof(lo));
        return [.. Enumerable.Range(0, count).Select(k => count == 1 ? lo : k == count - 1 ? hi : lo + (hi - lo) * k / (count - 1))];
    }

    /// <summary>The Cartesian product of the axes (first axis varies slowest), one column per axis.</summary>
    /// <param name="axes">Variable name and values of each axis.</param>
    /// <exception cref="ArgumentException">No axis, an empty axis, a repeated name, or more than 10,000,000 points.</exception>
    public static RunTable Grid(params (string Variable, IReadOnlyList<double> Values)[] axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length == 0) throw new ArgumentException("A grid needs at least one axis.", nameof(axes));
        foreach (var (name, values) in axes)
            if (values is null || values.Count == 0) throw new ArgumentException($"Axis '{name}' has no values.", nameof(axes));
        long count = axes.Aggregate(1L, (n, a) => n * a.Values.Count);
        if (count > 10_000_000) throw new ArgumentException($"The grid has {count} points; at most 10,000,000.", nameof(axes));
        var columns = axes.Select(_ => new double[count]).ToArray();
        for (long s = 0; s < count; s++)
        {
            long rest = s;
            for (int q = axes.Length - 1; q >= 0; q--)
            {
                int len = axes[q].Values.Count;
                columns[q][s] = axes[q].Values[(int)(rest % len)];
                rest /= len;
            }
        }
        return new RunTable(DesignName, axes.Select((a, q) => RunColumn.Numeric(a.Variable, columns[q])));
    }

    /// <summary>
    /// <paramref name="count"/> points drawn uniformly on the simplex (Dirichlet(1, …, 1): normalised
    /// exponential draws from <see cref="Random"/> seeded with <paramref name="seed"/>), one column per domain.
    /// </summary>
    /// <param name="domains">Names of the weight columns, e.g. <c>h_web</c>, <c>h_code</c>.</param>
    /// <param name="count">Number of points, ≥ 1.</param>
    /// <param name="seed">Seed of the draws.</param>
    public static RunTable Simplex(IReadOnlyList<string> domains, int count, int seed)
    {
        CheckDomains(domains);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var columns = domains.Select(_ => new double[count]).ToArray();
        for (int s = 0; s < count; s++)
        {
            double sum = 0;
            for (int j = 0; j < domains.Count; j++) sum += columns[j][s] = -Math.Log(1 - random.NextDouble());
            for (int j = 0; j < domains.Count; j++) columns[j][s] /= sum;
        }
        return new RunTable(DesignName, domains.Select((d, j) => RunColumn.Numeric(d, columns[j])));
    }

    /// <summary>
    /// Every point of the simplex whose weights are multiples of 1/<paramref name="divisions"/> (a simplex
    /// lattice: for k domains, C(divisions + k − 1, k − 1) points, the pure mixtures included), in
    /// lexicographic order of the weights, first domain descending.
    /// </summary>
    /// <param name="domains">Names of the weight columns.</param>
    /// <param name="divisions">Number of steps of 1/divisions, ≥ 1.</param>
    public static RunTable SimplexGrid(IReadOnlyList<string> domains, int divisions)
    {
        CheckDomains(domains);
        ArgumentOutOfRangeException.ThrowIfLessThan(divisions, 1);
        var points = new List<int[]>();
        var current = new int[domains.Count];
        void Fill(int j, int left)
        {
            if (j == domains.Count - 1) { current[j] = left; points.Add((int[])current.Clone()); return; }
            for (int v = left; v >= 0; v--) { current[j] = v; Fill(j + 1, left - v); }
        }
        Fill(0, divisions);
        if (points.Count > 10_000_000) throw new ArgumentException($"The simplex grid has {points.Count} points; at most 10,000,000.", nameof(divisions));
        return new RunTable(DesignName, domains.Select((d, j) => RunColumn.Numeric(d, points.Select(p => (double)p[j] / divisions))));
    }

    /// <summary>Every row of <paramref name="first"/> combined with every row of <paramref name="second"/> (first varies slowest).</summary>
    /// <param name="first">A design.</param>
    /// <param name="second">Another design with different column names.</param>
    /// <exception cref="ArgumentException">A column name appears in both.</exception>
    public static RunTable Cross(RunTable first, RunTable second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var shared = first.ColumnNames.Intersect(second.ColumnNames, StringComparer.Ordinal).ToList();
        if (shared.Count > 0) throw new ArgumentException($"Both designs have column(s) {string.Join(", ", shared)}.", nameof(second));
        int n = first.RowCount, m = second.RowCount;
        var rows = Enumerable.Range(0, n * m).ToArray();
        var left = first.Where(rows.Select(r => r / m).ToArray());
        var right = second.Where(rows.Select(r => r % m).ToArray());
        return new RunTable(DesignName, left.Columns.Concat(right.Columns));
    }

    /// <summary>
    /// A default design for a catalogue law (what <c>simulate</c> uses when no design is given): a grid
    /// over the law's variables with these axes, crossed with <paramref name="mixtures"/> random points of
    /// the simplex (seeded by <paramref name="seed"/>) when the law reads domain weights:
    /// <list type="table">
    /// <item><term>N</term><description>parameters: 5 values, 10⁷ to 10¹⁰, log-spaced (3 values for mixture laws)</description></item>
    /// <item><term>D</term><description>tokens: 5 values, 10⁹ to 10¹², log-spaced (3 for mixture laws); with <c>U</c>, D = U × epochs instead</description></item>
    /// <item><term>U</term><description>unique tokens: 10⁸, 10⁹, 10¹⁰, with epochs 1, 2, 4, 8, 16, 32, 64 giving D</description></item>
    /// <item><term>C</term><description>FLOP: 6 values, 10¹⁷ to 10²², log-spaced</description></item>
    /// <item><term>M</term><description>tokens per parameter: 5, 10, 20, 40, 80, 160</description></item>
    /// <item><term>r</term><description>domain share (D-CPT): 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1; for BiMix: 0.05, 0.1, 0.2, 0.4, 0.7, 1</description></item>
    /// <item><term>R</term><description>domain share (CMR): 0.1, 0.2, 0.25, 1/3, 0.5, 0.75, 1</description></item>
    /// <item><term>T</term><description>token budget (units of 0.2B): 25, 50, 100, 200, 300, 500</description></item>
    /// <item><term>K</term><description>domain coefficient: 0.5, 1, 2, 5</description></item>
    /// <item><term>x</term><description>any size: 11 values, 10⁶ to 10¹¹, log-spaced</description></item>
    /// <item><term>s</term><description>training steps: 7 values, 10² to 10⁵, log-spaced</description></item>
    /// <item><term>p</term><description>task weight: 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 1</description></item>
    /// </list>
    /// </summary>
    /// <param name="law">A catalogue law (or any law whose variables are among the names above, plus domain columns for <see cref="DataMixingLaw"/>, <see cref="MixtureAdditiveLaw"/> and <see cref="MixtureJointLaw"/>).</param>
    /// <param name="mixtures">Random mixtures for laws that read domain weights; default 12.</param>
    /// <param name="seed">Seed of the random mixtures.</param>
    /// <exception cref="ArgumentException">A variable has no default axis; build the design with <see cref="Grid"/> instead.</exception>
    public static RunTable ForLaw(IScalingLaw law, int mixtures = 12, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentOutOfRangeException.ThrowIfLessThan(mixtures, 1);
        IReadOnlyList<string> domains = law switch
        {
            DataMixingLaw d => d.Domains,
            MixtureAdditiveLaw a => a.Domains,
            MixtureJointLaw j => j.Domains,
            _ => [],
        };
        bool mixture = domains.Count > 0;
        var variables = law.Variables.Where(v => !domains.Contains(v)).ToList();
        bool repeated = variables.Contains("U") && variables.Contains("D");
        var axes = new List<(string, IReadOnlyList<double>)>();
        foreach (string v in variables)
        {
            if (repeated && v == "D") continue;
            if (repeated && v == "U") { axes.Add(("U", [1e8, 1e9, 1e10])); axes.Add((EpochsColumn, [1, 2, 4, 8, 16, 32, 64])); continue; }
            axes.Add((v, DefaultAxis(v, law, mixture)));
        }
        RunTable? design = axes.Count > 0 ? Grid([.. axes]) : null;
        if (repeated)
        {
            var u = design!.Numeric("U");
            var epochs = design.Numeric(EpochsColumn);
            design = design.WithColumn("D", u.Zip(epochs, (a, b) => a * b).ToArray()).WithoutColumns(EpochsColumn);
        }
        if (mixture)
        {
            var simplex = Simplex(domains, mixtures, seed);
            design = design is null ? simplex : Cross(design, simplex);
        }
        if (design is null) throw new ArgumentException($"Law '{law.Name}' reads no variables.", nameof(law));
        return new RunTable(DesignName, law.Variables.Select(design.Column));
    }

    private const string EpochsColumn = "__epochs";

    private static IReadOnlyList<double> DefaultAxis(string variable, IScalingLaw law, bool mixture) => variable switch
    {
        "N" => LogSpace(1e7, 1e10, mixture ? 3 : 5),
        "D" => LogSpace(1e9, 1e12, mixture ? 3 : 5),
        "C" => LogSpace(1e17, 1e22, 6),
        "M" => [5, 10, 20, 40, 80, 160],
        "r" when law is BiMixLaw => [0.05, 0.1, 0.2, 0.4, 0.7, 1],
        "r" => [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1],
        "R" => [0.1, 0.2, 0.25, 1.0 / 3, 0.5, 0.75, 1],
        "T" => [25, 50, 100, 200, 300, 500],
        "K" => [0.5, 1, 2, 5],
        "x" => LogSpace(1e6, 1e11, 11),
        "s" => LogSpace(1e2, 1e5, 7),
        "p" => [0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 1],
        _ => throw new ArgumentException(
            $"There is no default design axis for variable '{variable}' of law '{law.Name}'; build the design with SyntheticDesign.Grid.", nameof(law)),
    };

    private static void CheckDomains(IReadOnlyList<string> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        if (domains.Count == 0) throw new ArgumentException("Give at least one domain column.", nameof(domains));
        var duplicate = domains.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Domain column '{duplicate.Key}' is listed twice.", nameof(domains));
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
