using System.Collections.Concurrent;
using System.Collections.Immutable;
using ScalingLaws.Fitting;

namespace ScalingLaws.Laws;

/// <summary>
/// Ye et al.'s data mixing law for one validation domain i: L_i(r) = c_i + k_i·exp(Σ_j t_ij·r_j),
/// written as in the reference code, L_i(r) = exp(log_c) + exp(log_k + Σ_j t_j·r_j), so that c and k are
/// positive by construction. One law is fitted per validation domain (or per group of domains).
/// </summary>
/// <remarks>
/// <para>Variables: the k training-domain weight columns r_1…r_k given to the constructor (shares in [0, 1]
/// summing to 1). Output: validation loss of the modelled domain in nats/token.</para>
/// <para>Parameters: <c>log_c</c> (log of the irreducible level c), <c>log_k</c> (log of the scale k), and
/// one <c>t_&lt;domain&gt;</c> per weight column (dimensionless; negative where training on domain j lowers
/// this loss). The parameter suffix is the column name without a leading <c>h_</c>, <c>w_</c> or <c>r_</c>.</para>
/// <para>Recipe (the reference notebook mix_5_domains.ipynb): Huber loss with δ = 0.05 on linear residuals,
/// 6,000 starts: log_c ∈ linspace(−2, 1.5, 10) × log_k ∈ linspace(−10, 1, 20) × 30 vectors t with every
/// t_j drawn uniformly from [0, 0.1) (the reference's distribution), here from a fixed seed (4096), so the
/// starts are the same on every run.</para>
/// <para>Gauge: on the simplex (Σ_j r_j = 1) the shift t_j → t_j + s, log_k → log_k − s leaves every
/// prediction unchanged, so the k + 1 parameters log_k, t_1…t_k are only determined up to that common shift
/// and an unpinned fit drifts along it (to |t| in the thousands) with a singular covariance. The recipe pins
/// the gauge by fixing the t of a <em>reference domain</em> at 0 — the weight column with the largest mean
/// share in the fitted data (the first such column on ties), so the pinned direction is the best-sampled one —
/// and every other t_j is then the effect of moving share from the reference domain to domain j. A
/// reference rather than a centred constraint (Σ t_j = 0) keeps every parameter a plain, free coordinate
/// with an ordinary covariance. The recipe's starts are the reference's mapped into this gauge
/// (log_k + t_ref, t_j − t_ref), so they span the same set of laws. Fixing or bounding the reference's t
/// in the fit options releases the pin.</para>
/// <para>Citation: Ye et al. 2025, "Data Mixing Laws: Optimizing Data Mixtures by Predicting Language
/// Modeling Performance", ICLR 2025, arXiv:2403.16952, Eq. 1 and 7 (form M4); code yegcjs/mixinglaws.</para>
/// </remarks>
public sealed class DataMixingLaw : IMixtureLaw
{
    private const int StartSeed = 4096;
    private readonly ConcurrentDictionary<int, FitRecipe> _recipes = new();

    /// <summary>Creates the law for the given training-domain weight columns.</summary>
    /// <param name="domains">Names of the k weight columns, e.g. <c>["academic", "prose", "dialogue", "symbolic", "internet"]</c>.</param>
    /// <exception cref="ArgumentException">The list is empty, repeats a name, or a name is not a formula identifier.</exception>
    public DataMixingLaw(IReadOnlyList<string> domains)
    {
        Domains = DomainColumns.Validate(domains, "data-mixing");
        var specs = ImmutableArray.CreateBuilder<ParameterSpec>(2 + Domains.Length);
        specs.Add(new ParameterSpec("log_c", Initial: 1.0, Description: "log of the irreducible level c (nats/token)"));
        specs.Add(new ParameterSpec("log_k", Initial: -2.0, Description: "log of the scale k (nats/token)"));
        foreach (string d in Domains)
            specs.Add(new ParameterSpec("t_" + DomainColumns.Suffix(d), Initial: 0.0,
                Description: $"effect t of the share of '{d}' on this loss (dimensionless; negative helps)"));
        Parameters = specs.MoveToImmutable();
        DomainColumns.CheckNames(Parameters, Domains, Name);
        Formula = "exp(log_c) + exp(log_k + " + string.Join(" + ", Domains.Select((d, j) => $"{Parameters[2 + j].Name}*{d}")) + ")";
    }

    /// <summary>The training-domain weight columns, in order.</summary>
    public ImmutableArray<string> Domains { get; }

    /// <summary>Catalogue name: <c>data-mixing</c>.</summary>
    public string Name => "data-mixing";

    /// <summary><c>exp(log_c) + exp(log_k + t_1*r_1 + … + t_k*r_k)</c> with the actual column names.</summary>
    public string Formula { get; }

    /// <summary>The weight columns (same as <see cref="Domains"/>).</summary>
    public ImmutableArray<string> Variables => Domains;

    /// <summary><c>log_c</c>, <c>log_k</c>, then one <c>t_&lt;domain&gt;</c> per weight column.</summary>
    public ImmutableArray<ParameterSpec> Parameters { get; }

    /// <summary>Ye et al. 2025, arXiv:2403.16952, Eq. 1/7.</summary>
    public string Citation => "Ye et al. 2025, \"Data Mixing Laws: Optimizing Data Mixtures by Predicting Language Modeling Performance\", ICLR 2025, arXiv:2403.16952, Eq. 1 and 7 (M4); code: yegcjs/mixinglaws.";

    /// <summary>L(r) for θ = (log_c, log_k, t_1, …, t_k) and x = (r_1, …, r_k).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        double exponent = parameters[1];
        for (int j = 0; j < x.Length; j++) exponent += parameters[2 + j] * x[j];
        return Math.Exp(parameters[0]) + Math.Exp(exponent);
    }

    /// <summary>L(r) and its exact gradient.</summary>
    public double EvaluateWithGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> gradient)
    {
        LawMath.CheckLengths(this, parameters.Length, x.Length);
        LawMath.CheckGradient(this, gradient.Length);
        double exponent = parameters[1];
        for (int j = 0; j < x.Length; j++) exponent += parameters[2 + j] * x[j];
        double c = Math.Exp(parameters[0]);
        double reducible = Math.Exp(exponent);
        gradient[0] = c;
        gradient[1] = reducible;
        for (int j = 0; j < x.Length; j++) gradient[2 + j] = reducible * x[j];
        return c + reducible;
    }

    /// <summary>
    /// Huber δ = 0.05 on linear residuals from the reference's 6,000 starts, with the reference domain's t fixed
    /// at 0 (see <see cref="ReferenceDomain"/>).
    /// </summary>
    public FitRecipe DefaultRecipe(FitData data) => _recipes.GetOrAdd(ReferenceDomain(data), BuildRecipe);

    /// <summary>
    /// Index of the reference domain whose t the recipe fixes at 0: the weight column with the largest mean
    /// share over the rows of <paramref name="data"/> (the first on ties; the last column when there are no rows).
    /// </summary>
    public int ReferenceDomain(FitData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0 || !data.Variables.SequenceEqual(Variables)) return Domains.Length - 1;
        int best = 0;
        double bestSum = double.NegativeInfinity;
        for (int j = 0; j < Domains.Length; j++)
        {
            double sum = 0;
            for (int i = 0; i < data.Count; i++) sum += data.Row(i)[j];
            if (sum > bestSum) { best = j; bestSum = sum; }
        }
        return best;
    }

    private FitRecipe BuildRecipe(int reference)
    {
        var random = new Random(StartSeed);
        var starts = new StartList();
        var t = new double[Domains.Length];
        var values = new (string Name, double Value)[Parameters.Length];
        for (int i = 0; i < 10; i++)
            for (int j = 0; j < 20; j++)
                for (int repeat = 0; repeat < 30; repeat++)
                {
                    for (int d = 0; d < Domains.Length; d++) t[d] = 0.1 * random.NextDouble();
                    values[0] = ("log_c", -2 + 3.5 * i / 9);
                    values[1] = ("log_k", -10 + 11.0 * j / 19 + t[reference]);
                    for (int d = 0; d < Domains.Length; d++) values[2 + d] = (Parameters[2 + d].Name, t[d] - t[reference]);
                    starts.Add(values);
                }
        return new FitRecipe(new HuberLoss(0.05), ResidualSpace.Linear, starts.Build())
        {
            Fixed = ImmutableDictionary<string, double>.Empty.Add(Parameters[2 + reference].Name, 0.0),
        };
    }
}
