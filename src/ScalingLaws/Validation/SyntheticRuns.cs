using System.Globalization;
using ScalingLaws.Data;
using ScalingLaws.Fitting;

namespace ScalingLaws.Validation;

/// <summary>
/// Synthetic training logs from a known law: the law evaluated at given design points with known
/// parameters, times seeded multiplicative log-normal noise. Used to check that a fit recovers what
/// generated the data, and by the <c>simulate</c> command.
/// </summary>
/// <remarks>
/// Row i gets yᵢ = f(θ; xᵢ)·exp(σ·zᵢ) with zᵢ standard normal (Box–Muller from <see cref="Random"/> seeded
/// with <c>seed</c>, drawn in row order), so ln yᵢ − ln f = σ·zᵢ: the noise is σ in log space, about
/// 100σ % of the loss (σ = 0.01 is "1 % noise"), and the median of yᵢ is f. The same law, parameters,
/// design, σ and seed always give the same table.
/// </remarks>
public static class SyntheticRuns
{
    /// <summary>Suffix of the column holding the noiseless values f(θ; xᵢ): <c>loss</c> → <c>loss_true</c>.</summary>
    public const string TrueValueSuffix = "_true";

    /// <summary>Generates one run per row of <paramref name="design"/>, parameters by name.</summary>
    /// <param name="law">The law that generates the losses.</param>
    /// <param name="parameters">A value for every parameter of the law, by name (e.g. <c>a=6, b=6.5, e=0.5, alpha=0.34, beta=0.28</c>).</param>
    /// <param name="design">One row per run, with a numeric column named as each of the law's variables (see <see cref="SyntheticDesign"/>).</param>
    /// <param name="relativeNoise">σ ≥ 0, the standard deviation of the noise in log space (0.01 ≈ 1 %).</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <param name="target">Name of the generated loss column; default <c>loss</c>.</param>
    /// <returns>The design's columns, then <paramref name="target"/> (noisy) and <paramref name="target"/><c>_true</c> (noiseless).</returns>
    /// <exception cref="ArgumentException">A parameter is missing, unknown, not finite or outside its bounds; σ is negative or not finite; the target name is taken; or the law is not finite at a design point.</exception>
    /// <exception cref="DataException">The design lacks a variable's column, holds text there, or misses a value.</exception>
    public static RunTable Generate(IScalingLaw law, IReadOnlyDictionary<string, double> parameters, RunTable design,
        double relativeNoise, int seed, string target = "loss")
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(parameters);
        var names = law.Parameters.Select(p => p.Name).ToList();
        var unknown = parameters.Keys.Where(k => !names.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown parameter(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))} for law '{law.Name}'; its parameters are {string.Join(", ", names)}.", nameof(parameters));
        var missing = names.Where(n => !parameters.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"No value for parameter(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} of law '{law.Name}'; give every parameter ({string.Join(", ", names)}).", nameof(parameters));
        return Generate(law, names.Select(n => parameters[n]).ToArray(), design, relativeNoise, seed, target);
    }

    /// <summary>Generates one run per row of <paramref name="design"/>, parameters in the law's order.</summary>
    /// <param name="law">The law that generates the losses.</param>
    /// <param name="parameters">θ, one value per parameter of the law, in <see cref="IScalingLaw.Parameters"/> order.</param>
    /// <param name="design">One row per run, with a numeric column named as each of the law's variables.</param>
    /// <param name="relativeNoise">σ ≥ 0, the standard deviation of the noise in log space.</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <param name="target">Name of the generated loss column; default <c>loss</c>.</param>
    /// <returns>The design's columns, then <paramref name="target"/> (noisy) and <paramref name="target"/><c>_true</c> (noiseless).</returns>
    /// <exception cref="ArgumentException">Wrong number of parameters, a value not finite or outside its bounds, a bad σ, a taken target name, or a non-finite law value.</exception>
    /// <exception cref="DataException">The design lacks a variable's column, holds text there, or misses a value.</exception>
    public static RunTable Generate(IScalingLaw law, IReadOnlyList<double> parameters, RunTable design,
        double relativeNoise, int seed, string target = "loss")
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        CheckParameters(law, parameters);
        if (!(relativeNoise >= 0) || double.IsInfinity(relativeNoise))
            throw new ArgumentException($"The relative noise σ ({F(relativeNoise)}) must be a finite number ≥ 0 (0.01 for 1 %).", nameof(relativeNoise));
        string trueColumn = target + TrueValueSuffix;
        foreach (string column in (string[])[target, trueColumn])
            if (design.HasColumn(column))
                throw new ArgumentException($"The design already has a column '{column}'; choose another target name.", nameof(target));

        var columns = law.Variables.Select(design.Numeric).ToArray();
        var theta = parameters.ToArray();
        var x = new double[columns.Length];
        var noisy = new double[design.RowCount];
        var exact = new double[design.RowCount];
        var random = new Random(seed);
        for (int i = 0; i < design.RowCount; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = columns[j][i];
                if (double.IsNaN(x[j]))
                {
                    var source = design.RowSource(i);
                    throw new DataException($"missing value of variable '{law.Variables[j]}'.", source.File, source.Line);
                }
            }
            double f = law.Evaluate(theta, x);
            if (!double.IsFinite(f))
                throw new ArgumentException(
                    $"Law '{law.Name}' is not finite ({F(f)}) at design row {i + 1} ({string.Join(", ", law.Variables.Select((v, j) => $"{v} = {F(x[j])}"))}); change the design or the parameters.",
                    nameof(design));
            exact[i] = f;
            noisy[i] = f * Math.Exp(relativeNoise * StandardNormal(random));
        }
        return design.WithColumn(target, noisy).WithColumn(trueColumn, exact);
    }

    /// <summary>A standard normal draw (Box–Muller, one of the pair).</summary>
    internal static double StandardNormal(Random random)
    {
        double u1 = 1 - random.NextDouble(); // in (0, 1]
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static void CheckParameters(IScalingLaw law, IReadOnlyList<double> parameters)
    {
        var specs = law.Parameters;
        if (parameters.Count != specs.Length)
            throw new ArgumentException($"Law '{law.Name}' has {specs.Length} parameters ({string.Join(", ", specs.Select(s => s.Name))}) but {parameters.Count} values were given.", nameof(parameters));
        for (int j = 0; j < specs.Length; j++)
        {
            double v = parameters[j];
            if (!double.IsFinite(v))
                throw new ArgumentException($"Value of '{specs[j].Name}' ({F(v)}) is not a finite number.", nameof(parameters));
            if (!specs[j].Contains(v))
                throw new ArgumentException($"Value of '{specs[j].Name}' ({F(v)}) lies outside its bounds [{F(specs[j].Lower)}, {F(specs[j].Upper)}].", nameof(parameters));
        }
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
