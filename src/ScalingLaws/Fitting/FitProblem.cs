using System.Collections.Immutable;
using System.Globalization;

namespace ScalingLaws.Fitting;

/// <summary>
/// A law bound to data with every option resolved and validated: loss, residual space, starts,
/// bounds, fixed and initial values. Built by <see cref="Create"/>, which throws
/// <see cref="FitSetupException"/> with a clear message on bad input.
/// </summary>
public sealed class FitProblem
{
    private FitProblem(IScalingLaw law, FitData data, FitOptions options, RobustLoss loss, ResidualSpace space,
        StartPoints starts, StartScreening? screening, double[] lower, double[] upper, double[] initial, bool[] isFixed)
    {
        Law = law; Data = data; Options = options; Loss = loss; Space = space; Starts = starts; Screening = screening;
        Lower = lower; Upper = upper; Initial = initial; IsFixed = isFixed;
        FreeIndices = Enumerable.Range(0, isFixed.Length).Where(j => !isFixed[j]).ToImmutableArray();
        _rowCache = new Lazy<double[]?>(() => law is IRowCachedLaw cached ? Fitting.RowCache.Build(cached, data) : null);
    }

    private FitProblem(FitProblem problem, RobustLoss loss)
        : this(problem.Law, problem.Data, problem.Options, loss, problem.Space, problem.Starts, problem.Screening,
            problem.Lower, problem.Upper, problem.Initial, problem.IsFixed)
        => _rowCache = problem._rowCache;

    /// <summary>The same problem under another loss, sharing this one's row cache (a stage of <see cref="LossContinuation"/>).</summary>
    internal FitProblem WithLoss(RobustLoss loss) => new(this, loss);

    /// <summary>The law.</summary>
    public IScalingLaw Law { get; }

    /// <summary>The data.</summary>
    public FitData Data { get; }

    /// <summary>The options as given.</summary>
    public FitOptions Options { get; }

    /// <summary>Resolved loss.</summary>
    public RobustLoss Loss { get; }

    /// <summary>Resolved residual space.</summary>
    public ResidualSpace Space { get; }

    /// <summary>Resolved starts.</summary>
    public StartPoints Starts { get; }

    /// <summary>
    /// Resolved screening: the options' (<see cref="FitOptions.Screening"/>), except that the default
    /// screening gives way to the law's recipe's when it declares one (<see cref="FitRecipe.Screening"/>).
    /// </summary>
    public StartScreening? Screening { get; }

    private readonly Lazy<double[]?> _rowCache;

    /// <summary>
    /// The law's row cache over every row of the data (see <see cref="IRowCachedLaw"/>), built once, on
    /// first use, and shared read-only by every solver of the problem; null when the law has none.
    /// </summary>
    internal double[]? RowCache => _rowCache.Value;

    internal double[] Lower { get; }
    internal double[] Upper { get; }
    internal double[] Initial { get; }
    internal bool[] IsFixed { get; }

    /// <summary>Indices (into the law's parameters) of the free parameters.</summary>
    public ImmutableArray<int> FreeIndices { get; }

    /// <summary>Resolves <paramref name="options"/> against the law's recipe and validates everything.</summary>
    /// <exception cref="FitSetupException">The fit cannot be set up; the message says why.</exception>
    public static FitProblem Create(IScalingLaw law, FitData data, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(data);
        options ??= FitOptions.Default;
        ValidateOptions(options);
        var specs = law.Parameters;
        int p = specs.Length;
        var names = specs.Select(s => s.Name).ToArray();
        if (!options.Initial.IsEmpty) CheckNames(options.Initial.Keys, names, "initial value");
        if (!options.Fixed.IsEmpty) CheckNames(options.Fixed.Keys, names, "fixed value");
        if (!options.Bounds.IsEmpty) CheckNames(options.Bounds.Keys, names, "bounds");
        if (!data.Variables.SequenceEqual(law.Variables))
            throw new FitSetupException($"The data's variables ({string.Join(", ", data.Variables)}) do not match the law's ({string.Join(", ", law.Variables)}).");
        if (law.Variables.Contains(data.Target, StringComparer.Ordinal))
            throw new FitSetupException($"The target column '{data.Target}' is also a variable of the law; a law cannot read the value it predicts. Choose another target column.");

        if (law is IMixtureLaw weighted) DomainIdentifiability.Check(weighted, data);
        var recipe = law.DefaultRecipe(data);
        options = WithRecipeGauge(options, recipe);

        var lower = new double[p]; var upper = new double[p]; var initial = new double[p]; var isFixed = new bool[p];
        for (int j = 0; j < p; j++)
        {
            var s = specs[j];
            (lower[j], upper[j]) = !options.Bounds.IsEmpty && options.Bounds.TryGetValue(s.Name, out var b) ? b : (s.Lower, s.Upper);
            if (double.IsNaN(lower[j]) || double.IsNaN(upper[j]) || lower[j] > upper[j])
                throw new FitSetupException($"Bounds of '{s.Name}' [{F(lower[j])}, {F(upper[j])}] are empty; the lower bound must not exceed the upper.");
            if (!options.Fixed.IsEmpty && options.Fixed.TryGetValue(s.Name, out double fixedValue))
            {
                if (!double.IsFinite(fixedValue)) throw new FitSetupException($"Fixed value of '{s.Name}' ({F(fixedValue)}) is not a finite number.");
                if (fixedValue < lower[j] || fixedValue > upper[j])
                    throw new FitSetupException($"Fixed value of '{s.Name}' ({F(fixedValue)}) lies outside its bounds [{F(lower[j])}, {F(upper[j])}]; fix it inside them, or widen the bounds.");
                initial[j] = fixedValue; isFixed[j] = true;
                continue;
            }
            double v = 0;
            bool given = !options.Initial.IsEmpty && options.Initial.TryGetValue(s.Name, out v);
            if (!given) v = Math.Clamp(s.Initial, lower[j], upper[j]);
            if (!double.IsFinite(v)) throw new FitSetupException($"Initial value of '{s.Name}' ({F(v)}) is not a finite number.");
            if (v < lower[j] || v > upper[j])
                throw new FitSetupException($"Initial value of '{s.Name}' ({F(v)}) lies outside its bounds [{F(lower[j])}, {F(upper[j])}].");
            initial[j] = v;
        }

        int free = 0;
        foreach (bool f in isFixed) free += f ? 0 : 1;
        if (free == 0) throw new FitSetupException("Every parameter is fixed; nothing to fit.");
        if (data.Count < free)
            throw new FitSetupException($"The data have {data.Count} rows but the fit has {free} free parameters; at least {free} rows are needed.");

        var loss = options.Loss ?? recipe.Loss;
        var space = options.Space ?? recipe.Space;
        var starts = options.Starts ?? recipe.Starts;
        ValidateData(data, space);
        ValidateStarts(starts, names);
        var screening = recipe.Screening is not null && options.Screening == DefaultScreening ? recipe.Screening : options.Screening;
        return new FitProblem(law, data, options, loss, space, starts, screening, lower, upper, initial, isFixed);
    }

    private static readonly StartScreening DefaultScreening = new();

    /// <summary>The options with the recipe's gauge-pinning fixed values added where the options neither fix nor bound that parameter.</summary>
    private static FitOptions WithRecipeGauge(FitOptions options, FitRecipe recipe)
    {
        if (recipe.Fixed.IsEmpty) return options;
        var added = recipe.Fixed.Where(f => !options.Fixed.ContainsKey(f.Key) && !options.Bounds.ContainsKey(f.Key)).ToList();
        return added.Count == 0 ? options : options with { Fixed = options.Fixed.SetItems(added) };
    }

    private static void ValidateOptions(FitOptions o)
    {
        if (!(o.CostTolerance >= 0)) throw new FitSetupException($"CostTolerance ({F(o.CostTolerance)}) must be ≥ 0.");
        if (!(o.StepTolerance >= 0)) throw new FitSetupException($"StepTolerance ({F(o.StepTolerance)}) must be ≥ 0.");
        if (!(o.GradientTolerance >= 0)) throw new FitSetupException($"GradientTolerance ({F(o.GradientTolerance)}) must be ≥ 0.");
        if (o.MaxIterations < 1) throw new FitSetupException($"MaxIterations ({o.MaxIterations}) must be ≥ 1.");
        if (o.StallWindow < 0) throw new FitSetupException($"StallWindow ({o.StallWindow}) must be ≥ 0 (0 turns the stall test off).");
        if (!(o.StallTolerance >= 0)) throw new FitSetupException($"StallTolerance ({F(o.StallTolerance)}) must be ≥ 0.");
        if (o.MaxDegreeOfParallelism == 0 || o.MaxDegreeOfParallelism < -1)
            throw new FitSetupException($"MaxDegreeOfParallelism ({o.MaxDegreeOfParallelism}) must be -1 (all cores) or ≥ 1.");
    }

    private static void ValidateData(FitData data, ResidualSpace space)
    {
        var y = data.Y;
        for (int i = 0; i < y.Length; i++)
        {
            if (!double.IsFinite(y[i])) throw new FitSetupException($"Target '{data.Target}' is not finite in row {i + 1} ({F(y[i])}).");
            if (space == ResidualSpace.Log && y[i] <= 0)
                throw new FitSetupException($"Target '{data.Target}' must be positive to fit in log space, but row {i + 1} has {F(y[i])}. Use linear residuals or drop the row.");
        }
        var x = data.X;
        for (int k = 0; k < x.Length; k++)
            if (!double.IsFinite(x[k]))
                throw new FitSetupException($"Variable '{data.Variables[k % data.VariableCount]}' is not finite in row {k / data.VariableCount + 1} ({F(x[k])}).");
        var w = data.Weights;
        for (int i = 0; i < w.Length; i++)
            if (!(w[i] >= 0) || double.IsInfinity(w[i])) throw new FitSetupException($"Weight of row {i + 1} ({F(w[i])}) must be a finite number ≥ 0.");
    }

    private static void ValidateStarts(StartPoints starts, string[] names)
    {
        switch (starts)
        {
            case ExplicitStarts e:
                if (!e.Points.IsDefault && e.Points.Length > StartPoints.MaxCount)
                    throw new FitSetupException($"{e.Points.Length:N0} explicit starts; at most {StartPoints.MaxCount:N0}.");
                foreach (var point in e.Points) CheckNames(point.Keys, names, "start value");
                break;
            case GridStarts g:
                CheckNames(g.Axes.Select(a => a.Parameter), names, "grid axis");
                if (g.Count == 0) throw new FitSetupException("The start grid is empty: an axis has no values.");
                if (g.Count > StartPoints.MaxCount)
                    throw new FitSetupException($"The start grid has {g.Shape} = {(g.Count == long.MaxValue ? "more than 9.2e18" : g.Count.ToString("N0", CultureInfo.InvariantCulture))} points; at most {StartPoints.MaxCount:N0}. Use fewer values per axis, or random starts.");
                break;
            case RandomStarts r:
                if (r.Count < 1 || r.Count > StartPoints.MaxCount)
                    throw new FitSetupException($"The number of random starts ({r.Count:N0}) must be between 1 and {StartPoints.MaxCount:N0}.");
                if (r.Ranges is not null) CheckNames(r.Ranges.Keys, names, "start range");
                break;
        }
    }

    private static void CheckNames(IEnumerable<string> given, string[] names, string what)
    {
        foreach (var name in given)
            if (Array.IndexOf(names, name) < 0)
                throw new FitSetupException($"Unknown parameter '{name}' in {what}; the parameters are {string.Join(", ", names)}.");
    }

    internal static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
