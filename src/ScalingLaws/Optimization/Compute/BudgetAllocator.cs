using System.Collections.Immutable;
using System.Globalization;
using ScalingLaws.Laws;
using ScalingLaws.Fitting;
using ScalingLaws.Optimization.Mixtures;
using ScalingLaws.Optimization.Solvers;

namespace ScalingLaws.Optimization.Compute;

/// <summary>
/// Compute-optimal allocation: for a compute budget C, the model size N and tokens D that minimise a
/// fitted law's loss subject to cost(N, D) = C (6ND by default), the frontier over a range of budgets,
/// and the joint optimum of N, D and the mixture.
/// </summary>
/// <remarks>
/// <para>For <c>chinchilla</c> under 6ND the closed form of Hoffmann et al. (2022) is used:
/// N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b with a = β/(α+β), b = α/(α+β), G = (αA/(βB))^(1/(α+β)).</para>
/// <para>Otherwise the loss is minimised along the iso-cost curve in x = log N: D(x) solves cost(eˣ, D) = C;
/// <see cref="AllocationOptions.ScanPoints"/> evenly spaced values of x over the range implied by
/// <see cref="AllocationOptions.MinTokensPerParameter"/>..<see cref="AllocationOptions.MaxTokensPerParameter"/>
/// bracket the lowest value (so multi-modal or kinked laws, such as the data-constrained law, are handled);
/// Brent's method refines it; and where the law is smooth its derivative dL/dx = N·∂L/∂N + D·∂L/∂D·dlogD/dlogN
/// (analytic ∂L/∂N, ∂L/∂D for the catalogue laws where easy, central differences otherwise) is driven to zero by
/// Brent's root finder, which pins a smooth optimum to machine precision.</para>
/// </remarks>
public static class BudgetAllocator
{
    /// <summary>Chinchilla's closed form for L = E + A/N^α + B/D^β under C = 6ND.</summary>
    /// <param name="a">A (linear, not log).</param>
    /// <param name="b">B (linear).</param>
    /// <param name="e">E (nats/token).</param>
    /// <param name="alpha">α &gt; 0.</param>
    /// <param name="beta">β &gt; 0.</param>
    /// <param name="compute">C in FLOPs.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive and finite.</exception>
    public static BudgetAllocation ChinchillaClosedForm(double a, double b, double e, double alpha, double beta, double compute)
    {
        foreach (var (name, value) in new[] { ("A", a), ("B", b), ("alpha", alpha), ("beta", beta), ("compute", compute) })
            if (!(value > 0) || !double.IsFinite(value))
                throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be positive and finite (got {value})."));
        double sum = alpha + beta;
        double g = Math.Pow(alpha * a / (beta * b), 1 / sum);
        double aExp = beta / sum, bExp = alpha / sum;
        double n = g * Math.Pow(compute / 6, aExp), d = Math.Pow(compute / 6, bExp) / g;
        return new BudgetAllocation
        {
            Compute = compute,
            ModelSize = n,
            Tokens = d,
            Loss = e + a / Math.Pow(n, alpha) + b / Math.Pow(d, beta),
            Method = AllocationMethod.ClosedForm,
            Variables = ImmutableDictionary<string, double>.Empty.Add("N", n).Add("D", d),
            ModelSizeExponent = aExp,
            TokensExponent = bExp,
            Coefficient = g,
        };
    }

    /// <summary>The compute-optimal N and D for a fitted law.</summary>
    /// <param name="law">The fitted law (a <c>FitResult</c> converts implicitly); it must read N and D (names in the options).</param>
    /// <param name="compute">C, in the unit of the cost function (FLOPs for 6ND).</param>
    /// <param name="options">Options; default <see cref="AllocationOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The law lacks N or D, or another variable has no value in <see cref="AllocationOptions.Fixed"/>.</exception>
    public static BudgetAllocation Optimize(FittedLaw law, double compute, AllocationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(law);
        options ??= AllocationOptions.Default;
        options.Validate();
        CheckCompute(compute);
        var variables = law.Law.Variables;
        int iN = variables.IndexOf(options.ModelSizeVariable), iD = variables.IndexOf(options.TokensVariable);
        if (iN < 0 || iD < 0)
            throw new ArgumentException($"Law '{law.Law.Name}' reads {string.Join(", ", variables)}; budget allocation needs the model size '{options.ModelSizeVariable}' and the tokens '{options.TokensVariable}'.");
        foreach (var key in options.Fixed.Keys)
            if (!variables.Contains(key) || key == options.ModelSizeVariable || key == options.TokensVariable)
                throw new ArgumentException($"Fixed value for '{key}', which is not a variable of law '{law.Law.Name}' other than N and D ({string.Join(", ", variables)}).");
        var x = new double[variables.Length];
        for (int v = 0; v < variables.Length; v++)
        {
            if (v == iN || v == iD) continue;
            if (!options.Fixed.TryGetValue(variables[v], out x[v]))
                throw new ArgumentException($"Law '{law.Law.Name}' reads '{variables[v]}'; give its value in AllocationOptions.Fixed.");
        }
        if (law.Law is ChinchillaLaw && options.Cost.IsSixND && options.UseClosedForm)
        {
            var p = law.Parameters;
            return ChinchillaClosedForm(Math.Exp(p[0]), Math.Exp(p[1]), Math.Exp(p[2]), p[3], p[4], compute);
        }

        var theta = law.Parameters.ToArray();
        var needed = new bool[variables.Length];
        needed[iN] = needed[iD] = true;
        var nonNegative = new bool[variables.Length];
        var dx = new double[variables.Length];
        double Loss(double logN)
        {
            double n = Math.Exp(logN), d = options.Cost.TokensFor(n, compute);
            if (!(d > 0)) return double.NaN;
            var point = (double[])x.Clone();
            point[iN] = n; point[iD] = d;
            return law.Law.Evaluate(theta, point);
        }
        double Derivative(double logN)
        {
            double n = Math.Exp(logN), d = options.Cost.TokensFor(n, compute);
            if (!(d > 0)) return double.NaN;
            var point = (double[])x.Clone();
            point[iN] = n; point[iD] = d;
            VariableDerivatives.Evaluate(law.Law, theta, point, dx, needed, nonNegative);
            return n * dx[iN] + d * dx[iD] * TokenElasticity(options.Cost, n, d);
        }
        var result = Minimize(Loss, Derivative, compute, options);
        double nOpt = Math.Exp(result.X), dOpt = options.Cost.TokensFor(nOpt, compute);
        var values = ImmutableDictionary.CreateBuilder<string, double>();
        for (int v = 0; v < variables.Length; v++) values[variables[v]] = v == iN ? nOpt : v == iD ? dOpt : x[v];
        return new BudgetAllocation
        {
            Compute = compute,
            ModelSize = nOpt,
            Tokens = dOpt,
            Loss = result.Value,
            Method = AllocationMethod.Numeric,
            AtRangeLimit = result.AtLowerEnd || result.AtUpperEnd,
            Variables = values.ToImmutable(),
        };
    }

    /// <summary>The compute-optimal N and D for any loss function L(N, D) (value-only search: scan and Brent).</summary>
    /// <param name="loss">Predicted loss of N parameters on D tokens.</param>
    /// <param name="compute">C.</param>
    /// <param name="options">Options (cost, range, scan); <see cref="AllocationOptions.Fixed"/> is ignored.</param>
    public static BudgetAllocation Optimize(Func<double, double, double> loss, double compute, AllocationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        options ??= AllocationOptions.Default;
        options.Validate();
        CheckCompute(compute);
        double Loss(double logN)
        {
            double n = Math.Exp(logN), d = options.Cost.TokensFor(n, compute);
            return d > 0 ? loss(n, d) : double.NaN;
        }
        var result = Minimize(Loss, null, compute, options);
        double nOpt = Math.Exp(result.X), dOpt = options.Cost.TokensFor(nOpt, compute);
        return new BudgetAllocation
        {
            Compute = compute, ModelSize = nOpt, Tokens = dOpt, Loss = result.Value, Method = AllocationMethod.Numeric,
            AtRangeLimit = result.AtLowerEnd || result.AtUpperEnd,
            Variables = ImmutableDictionary<string, double>.Empty.Add(options.ModelSizeVariable, nOpt).Add(options.TokensVariable, dOpt),
        };
    }

    /// <summary>The compute-optimal frontier at the given budgets.</summary>
    /// <param name="law">The fitted law.</param>
    /// <param name="computes">Budgets C.</param>
    /// <param name="options">Options.</param>
    public static ComputeFrontier Frontier(FittedLaw law, IEnumerable<double> computes, AllocationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(computes);
        return ComputeFrontier.Create(computes.Select(c => Optimize(law, c, options)).ToList());
    }

    /// <summary>The compute-optimal frontier at <paramref name="points"/> budgets evenly spaced in log C.</summary>
    /// <param name="law">The fitted law.</param>
    /// <param name="minCompute">Smallest C.</param>
    /// <param name="maxCompute">Largest C.</param>
    /// <param name="points">Number of budgets, 2 to <see cref="MaxFrontierPoints"/>.</param>
    /// <param name="options">Options.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is outside 2 to <see cref="MaxFrontierPoints"/>.</exception>
    public static ComputeFrontier Frontier(FittedLaw law, double minCompute, double maxCompute, int points, AllocationOptions? options = null)
    {
        if (points < 2 || points > MaxFrontierPoints)
            throw new ArgumentOutOfRangeException(nameof(points), points, $"A frontier has 2 to {MaxFrontierPoints:N0} points (got {points:N0}).");
        return Frontier(law, LogSpace(minCompute, maxCompute, points), options);
    }

    /// <summary>The most budgets a frontier of evenly spaced budgets has: 10,000.</summary>
    public const int MaxFrontierPoints = 10_000;

    /// <summary>
    /// Optimises N, D and the mixture together for a compute budget: an outer search over log N along the
    /// iso-cost curve (as in <see cref="Optimize(FittedLaw, double, AllocationOptions?)"/>, value-only, 41 scan
    /// points by default) whose value is the optimal objective of the mixture problem at (N, D(N)). Inner
    /// optimisations during the search use at most 128 samples and 2 starts, warm-started from the mixture
    /// found at the centre of the range; the final plan is a full optimisation at the chosen N. The returned
    /// plan carries the <see cref="MixturePlan.Allocation"/>.
    /// </summary>
    /// <param name="problem">The mixture problem; its model reads N and/or D; its budget is replaced.</param>
    /// <param name="compute">C.</param>
    /// <param name="options">Allocation options (cost and range; <see cref="AllocationOptions.ScanPoints"/> is capped at 41).</param>
    /// <param name="mixtureOptions">Options of the mixture optimisations.</param>
    public static MixturePlan OptimizeWithMixture(MixtureProblem problem, double compute, AllocationOptions? options = null,
        MixtureOptimizerOptions? mixtureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= AllocationOptions.Default;
        options.Validate();
        CheckCompute(compute);
        mixtureOptions ??= MixtureOptimizerOptions.Default;
        var (lo, hi) = Range(compute, options);
        MixturePlan At(double logN, MixtureOptimizerOptions o)
        {
            double n = Math.Exp(logN), d = options.Cost.TokensFor(n, compute);
            return MixtureOptimizer.Optimize(problem with { Budget = TrainingBudget.At(n, d), Baselines = [] }, o);
        }
        var centre = At(0.5 * (lo + hi), mixtureOptions);
        var inner = mixtureOptions with
        {
            Samples = Math.Min(mixtureOptions.Samples, 128),
            Starts = Math.Min(mixtureOptions.Starts, 2),
            InitialWeights = mixtureOptions.InitialWeights.Add(centre.Weights),
        };
        double Objective(double logN)
        {
            var plan = At(logN, inner);
            return plan.IsFeasible ? plan.ObjectiveValue : double.NaN;
        }
        var result = ScalarMinimizer.Minimize(Objective, lo, hi, Math.Min(options.ScanPoints, 41));
        if (double.IsNaN(result.X)) result = new ScalarMinimum(0.5 * (lo + hi), double.NaN, false, false, 0);
        double nOpt = Math.Exp(result.X), dOpt = options.Cost.TokensFor(nOpt, compute);
        var final = MixtureOptimizer.Optimize(problem with { Budget = TrainingBudget.At(nOpt, dOpt) },
            mixtureOptions with { InitialWeights = inner.InitialWeights });
        return final with
        {
            Allocation = new BudgetAllocation
            {
                Compute = compute, ModelSize = nOpt, Tokens = dOpt, Loss = final.ObjectiveValue, Method = AllocationMethod.Numeric,
                AtRangeLimit = result.AtLowerEnd || result.AtUpperEnd,
                Variables = ImmutableDictionary<string, double>.Empty.Add("N", nOpt).Add("D", dOpt),
            },
        };
    }

    /// <summary>Budgets evenly spaced in log C.</summary>
    internal static double[] LogSpace(double min, double max, int points)
    {
        CheckCompute(min);
        CheckCompute(max);
        if (points < 2 || !(max > min)) throw new ArgumentException("A frontier needs at least 2 points and maxCompute > minCompute.");
        return Enumerable.Range(0, points).Select(i => Math.Exp(Math.Log(min) + (Math.Log(max) - Math.Log(min)) * i / (points - 1))).ToArray();
    }

    private static ScalarMinimum Minimize(Func<double, double> loss, Func<double, double>? derivative, double compute, AllocationOptions options)
    {
        var (lo, hi) = Range(compute, options);
        var result = ScalarMinimizer.Minimize(loss, lo, hi, options.ScanPoints, derivative);
        if (double.IsNaN(result.X))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The loss is not finite anywhere on the iso-cost curve C = {compute:G4} for N in [{Math.Exp(lo):G4}, {Math.Exp(hi):G4}]."));
        return result;
    }

    private static (double Lo, double Hi) Range(double compute, AllocationOptions options) =>
        (0.5 * Math.Log(compute / (6 * options.MaxTokensPerParameter)), 0.5 * Math.Log(compute / (6 * options.MinTokensPerParameter)));

    /// <summary>d log D / d log N along the iso-cost curve: −1 for 6ND, else −(∂log C/∂log N)/(∂log C/∂log D) by central differences.</summary>
    private static double TokenElasticity(ComputeCost cost, double n, double d)
    {
        if (cost.IsSixND) return -1;
        const double h = 1e-5;
        double cn = (Math.Log(cost.Flops(n * Math.Exp(h), d)) - Math.Log(cost.Flops(n * Math.Exp(-h), d))) / (2 * h);
        double cd = (Math.Log(cost.Flops(n, d * Math.Exp(h))) - Math.Log(cost.Flops(n, d * Math.Exp(-h)))) / (2 * h);
        return -cn / cd;
    }

    private static void CheckCompute(double compute)
    {
        if (!(compute > 0) || !double.IsFinite(compute))
            throw new ArgumentOutOfRangeException(nameof(compute), compute, string.Create(CultureInfo.InvariantCulture, $"The compute budget must be positive and finite (got {compute})."));
    }
}
