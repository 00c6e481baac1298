using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

using ScalingLaws.Optimization.Solvers;

namespace ScalingLaws.Optimization.Mixtures;

/// <summary>
/// Finds the domain weights that minimise a <see cref="MixtureProblem"/>'s objective on the simplex under
/// its bounds, availability caps and loss limits, and evaluates the baselines beside them.
/// </summary>
/// <remarks>
/// <para><b>Method.</b> The feasible set of the linear constraints (Σh = 1, lⱼ ≤ hⱼ ≤ uⱼ with uⱼ lowered to
/// Uⱼ·epochs/D by data availability) is a bounded simplex with an exact Euclidean projection
/// (sorting the breakpoints of the projection's shift, O(k log k)). On it, the spectral projected gradient
/// method (Birgin–Martínez–Raydan, non-monotone line search) minimises the objective; loss limits
/// Lℓ(h) ≤ limit and the worst-loss objective (in epigraph form, min t subject to Lᵢ(h) ≤ t) are handled by an
/// augmented Lagrangian (multiplier update μ ← max(0, μ + ρc), ρ ×10 when the violation falls by less than 4×).
/// The laws give gradients with respect to their parameters only; ∂L/∂h is analytic for the catalogue's
/// mixture laws and the N/D laws where easy, and otherwise by central differences with a step of
/// ε^(1/3)·max(|x|, 10⁻²) (one-sided second order at a zero weight); see the class documentation of
/// <c>VariableDerivatives</c>.</para>
/// <para><b>Global safeguard.</b> The laws are not convex in general (a data-mixing loss is, a mixture law with
/// γ &gt; 1 is not), so the local method runs from the best <see cref="MixtureOptimizerOptions.Starts"/> of
/// <see cref="MixtureOptimizerOptions.Samples"/> seeded Dirichlet samples projected onto the feasible set (plus
/// its centre, its vertices, the baselines and any given starts), ranked feasible-first by objective and
/// otherwise by constraint excess. The best feasible local optimum is kept; the plan is never worse than
/// the best feasible sample. Local searches run in parallel; each depends only on its start, and ties go to
/// the lower start index, so the result does not depend on the thread count.</para>
/// <para><b>Report.</b> The plan gives the KKT residual (projected-gradient norm of the Lagrangian, constraint
/// excess, complementarity) and every active constraint with its multiplier. An infeasible problem is a
/// plan with status <see cref="MixturePlanStatus.Infeasible"/> whose message and
/// <see cref="MixturePlan.ViolatedConstraints"/> name the conflicting constraints.</para>
/// </remarks>
public static class MixtureOptimizer
{
    private const double DistinctStarts = 1e-3;

    /// <summary>Optimises the mixture.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Options; default <see cref="MixtureOptimizerOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">The problem names an unknown loss or domain, a loss needs N or D the budget lacks, or a baseline has the wrong length.</exception>
    public static MixturePlan Optimize(MixtureProblem problem, MixtureOptimizerOptions? options = null)
    {
        var compiled = CompiledMixtureProblem.Create(problem);
        return OptimizeCompiled(compiled, [problem.Model], options ?? MixtureOptimizerOptions.Default);
    }

    /// <summary>Evaluates a weight vector with the problem's model, objective and constraints.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="baseline">The weights.</param>
    /// <param name="reference">Objective of the optimum, for the gap; default NaN.</param>
    public static BaselineEvaluation Evaluate(MixtureProblem problem, MixtureBaseline baseline, double reference = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var compiled = CompiledMixtureProblem.Create(problem with { Baselines = [] });
        if (baseline.Weights.Length != compiled.K)
            throw new ArgumentException($"Baseline '{baseline.Name}' has {baseline.Weights.Length} weights; the model has {compiled.K} domains.");
        return EvaluateBaseline(compiled, new MixtureEvaluator(compiled, [problem.Model]), baseline, reference, MixtureOptimizerOptions.Default);
    }

    /// <summary>
    /// The Pareto front between two losses by the ε-constraint method: minimise <paramref name="first"/>
    /// subject to <paramref name="second"/> ≤ ε for <paramref name="points"/> values of ε evenly spaced between
    /// the second loss at the first's unconstrained optimum and the second's own minimum. The problem's
    /// other constraints apply; its objective is ignored. Dominated points are removed.
    /// </summary>
    /// <param name="problem">The problem (model, budget, bounds, other constraints).</param>
    /// <param name="first">Loss minimised.</param>
    /// <param name="second">Loss limited.</param>
    /// <param name="points">Number of ε values, ≥ 2; default 21.</param>
    /// <param name="options">Options of each optimisation.</param>
    public static ParetoFront ParetoFront(MixtureProblem problem, string first, string second, int points = 21, MixtureOptimizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "At least 2 points are needed.");
        options ??= MixtureOptimizerOptions.Default;
        var a = Optimize(problem with { Objective = MixtureObjective.Target(first), Baselines = [] }, options);
        var b = Optimize(problem with { Objective = MixtureObjective.Target(second), Baselines = [] }, options);
        var raw = new List<ParetoPoint>();
        if (a.IsFeasible && b.IsFeasible)
        {
            double hi = a.Loss(second), lo = b.Loss(second);
            for (int i = 0; i < points; i++)
            {
                double epsilon = hi + (lo - hi) * i / (points - 1);
                var plan = i == 0 ? a : Optimize(problem with
                {
                    Objective = MixtureObjective.Target(first),
                    LossConstraints = problem.LossConstraints.Add(LossConstraint.AtMost(second, epsilon + (i == points - 1 ? 1e-9 : 0))),
                    Baselines = [],
                }, options with { InitialWeights = options.InitialWeights.Add(b.Weights) });
                if (plan.IsFeasible) raw.Add(new ParetoPoint(plan.Weights, plan.Loss(first), plan.Loss(second)));
            }
        }
        return Optimization.Mixtures.ParetoFront.Create(problem.Model.Domains, first, second, raw);
    }

    internal static MixturePlan OptimizeCompiled(CompiledMixtureProblem c, IReadOnlyList<MixtureModel> ensemble, MixtureOptimizerOptions options)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var evaluator = new MixtureEvaluator(c, ensemble);
        var infeasible = c.LinearInfeasibility();
        if (infeasible is not null)
            return LinearInfeasiblePlan(c, evaluator, infeasible, options, clock);

        // Global safeguard: candidates.
        var candidates = Candidates(c, options);
        var losses = new double[c.M];
        var objective = new double[candidates.Count];
        var excess = new double[candidates.Count];
        int feasibleCount = 0;
        double bestCandidate = double.NaN;
        int bestCandidateIndex = -1;
        for (int s = 0; s < candidates.Count; s++)
        {
            bool finite = evaluator.Evaluate(candidates[s], losses, Span<double>.Empty);
            objective[s] = finite ? c.ObjectiveOf(losses) : double.NaN;
            excess[s] = finite ? Math.Max(0, c.ConstraintLosses.Length == 0 ? 0 : c.LossExcess(losses)) : double.PositiveInfinity;
            if (double.IsFinite(objective[s]) && excess[s] <= options.ConstraintTolerance)
            {
                feasibleCount++;
                if (bestCandidateIndex < 0 || objective[s] < bestCandidate) { bestCandidate = objective[s]; bestCandidateIndex = s; }
            }
        }
        var order = Enumerable.Range(0, candidates.Count)
            .OrderBy(s => double.IsFinite(objective[s]) ? 0 : 1)
            .ThenBy(s => excess[s] <= options.ConstraintTolerance ? 0 : 1)
            .ThenBy(s => excess[s] <= options.ConstraintTolerance ? objective[s] : excess[s])
            .ThenBy(s => s);
        var starts = new List<double[]>();
        foreach (int s in order)
        {
            if (starts.Count >= options.Starts) break;
            if (!double.IsFinite(objective[s]) && starts.Count > 0) break;
            var h = candidates[s];
            if (starts.All(t => Distance(t, h) >= DistinctStarts)) starts.Add(h);
        }

        // Local searches, in parallel, reduced in index order.
        var results = new LocalResult[starts.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        long localEvaluations = 0;
        Parallel.For(0, starts.Count, parallel, () => new AugmentedLagrangianMerit(c, new MixtureEvaluator(c, ensemble)),
            (s, _, merit) => { results[s] = SolveFrom(c, merit, starts[s], options); return merit; },
            merit => Interlocked.Add(ref localEvaluations, merit.Evaluator.Evaluations));
        int best = -1;
        for (int s = 0; s < results.Length; s++)
        {
            var r = results[s];
            if (!double.IsFinite(r.Objective)) continue;
            if (best < 0) { best = s; continue; }
            var b = results[best];
            bool rFeasible = r.Excess <= options.ConstraintTolerance, bFeasible = b.Excess <= options.ConstraintTolerance;
            if (rFeasible && !bFeasible) best = s;
            else if (rFeasible == bFeasible && (rFeasible ? r.Objective < b.Objective : r.Excess < b.Excess)) best = s;
        }

        double[] weights;
        double[] multipliers;
        bool converged;
        int iterations = results.Sum(r => r.Iterations);
        if (best >= 0)
        {
            weights = results[best].Z[..c.K];
            multipliers = results[best].Multipliers;
            converged = results[best].Converged;
            bool localFeasible = results[best].Excess <= options.ConstraintTolerance;
            if (bestCandidateIndex >= 0 && (!localFeasible || bestCandidate < results[best].Objective - 1e-12 * (1 + Math.Abs(bestCandidate))))
            {
                weights = (double[])candidates[bestCandidateIndex].Clone();
                multipliers = new double[multipliers.Length];
                converged = false;
            }
        }
        else
        {
            weights = (double[])(bestCandidateIndex >= 0 ? candidates[bestCandidateIndex] : starts.Count > 0 ? starts[0] : candidates[0]).Clone();
            multipliers = new double[c.ConstraintLosses.Length + (c.Epigraph ? c.ObjectiveLosses.Length : 0)];
            converged = false;
        }
        var search = new MixtureSearchSummary(candidates.Count, feasibleCount, bestCandidate, starts.Count, iterations,
            evaluator.Evaluations + localEvaluations, options.Seed, TimeSpan.Zero);
        return BuildPlan(c, ensemble, weights, multipliers, converged, search, options, clock);
    }

    internal sealed record LocalResult(double[] Z, double Objective, double Excess, double[] Multipliers, int Iterations, bool Converged);

    /// <summary>One local search: projected gradient, inside an augmented-Lagrangian loop when there are nonlinear constraints.</summary>
    internal static LocalResult SolveFrom(CompiledMixtureProblem c, AugmentedLagrangianMerit merit, double[] start, MixtureOptimizerOptions options)
    {
        int k = c.K;
        var z = new double[merit.Dimension];
        Array.Copy(start, z, k);
        c.Project(z.AsSpan(0, k));
        if (c.Epigraph)
        {
            if (!merit.EvaluateLosses(z.AsSpan(0, k), false)) return new LocalResult(z, double.NaN, double.PositiveInfinity, merit.Multipliers.ToArray(), 0, false);
            z[k] = c.ObjectiveOf(merit.Losses);
        }
        Array.Clear(merit.Multipliers);
        merit.Penalty = 10;
        int iterations = 0;
        bool converged = false;
        if (merit.ConstraintCount == 0)
        {
            var r = SpectralProjectedGradient.Minimize(merit, z, options.StationarityTolerance, options.MaxIterations);
            iterations = r.Iterations;
            converged = r.Converged;
        }
        else
        {
            double previous = double.PositiveInfinity;
            for (int outer = 0; outer < options.MaxOuterIterations; outer++)
            {
                var r = SpectralProjectedGradient.Minimize(merit, z, options.StationarityTolerance, options.MaxIterations);
                iterations += r.Iterations;
                if (!merit.EvaluateLosses(z.AsSpan(0, k), false)) break;
                double violation = 0, complementarity = 0;
                for (int q = 0; q < merit.ConstraintCount; q++)
                {
                    double value = merit.Constraint(q, z).Value;
                    double mu = Math.Max(0, merit.Multipliers[q] + merit.Penalty * value);
                    violation = Math.Max(violation, value);
                    complementarity = Math.Max(complementarity, Math.Abs(Math.Min(-value, mu)));
                    merit.Multipliers[q] = mu;
                }
                double tolerance = 0.1 * options.ConstraintTolerance;
                if (violation <= tolerance && complementarity <= tolerance) { converged = r.Converged || r.ProjectedGradient <= 1e3 * options.StationarityTolerance; break; }
                if (violation > 0.25 * previous) merit.Penalty = Math.Min(merit.Penalty * 10, 1e12);
                previous = violation;
            }
        }
        if (!merit.EvaluateLosses(z.AsSpan(0, k), false)) return new LocalResult(z, double.NaN, double.PositiveInfinity, merit.Multipliers.ToArray(), iterations, false);
        double objective = c.ObjectiveOf(merit.Losses);
        double excess = c.ConstraintLosses.Length == 0 ? 0 : Math.Max(0, c.LossExcess(merit.Losses));
        return new LocalResult(z, objective, excess, merit.Multipliers.ToArray(), iterations, converged);
    }

    /// <summary>Centre, vertices, baselines, given starts and seeded Dirichlet samples, all projected onto the feasible set.</summary>
    internal static List<double[]> Candidates(CompiledMixtureProblem c, MixtureOptimizerOptions options)
    {
        int k = c.K;
        var list = new List<double[]>();
        void Add(ReadOnlySpan<double> h)
        {
            var v = h.ToArray();
            c.Project(v);
            list.Add(v);
        }
        Add(Enumerable.Repeat(1.0 / k, k).ToArray());
        for (int j = 0; j < k; j++)
        {
            var e = new double[k];
            e[j] = 1;
            Add(e);
        }
        foreach (var b in c.Problem.Baselines) Add(b.Weights.AsSpan());
        foreach (var w in options.InitialWeights)
        {
            if (w.Length != k) throw new ArgumentException($"An initial weight vector has {w.Length} entries; the model has {k} domains.");
            Add(w.AsSpan());
        }
        var random = new Random(options.Seed);
        var sample = new double[k];
        for (int s = 0; s < options.Samples; s++)
        {
            double concentration = (s & 3) switch { 2 => 0.2, 3 => 5.0, _ => 1.0 };
            DirichletSampler.Sample(random, concentration, sample);
            Add(sample);
        }
        return list;
    }

    private static double Distance(double[] a, double[] b)
    {
        double d = 0;
        for (int j = 0; j < a.Length; j++) d = Math.Max(d, Math.Abs(a[j] - b[j]));
        return d;
    }

    private static MixturePlan LinearInfeasiblePlan(CompiledMixtureProblem c, MixtureEvaluator evaluator, string message,
        MixtureOptimizerOptions options, Stopwatch clock)
    {
        var weights = Enumerable.Repeat(1.0 / c.K, c.K).ToArray();
        var search = new MixtureSearchSummary(0, 0, double.NaN, 0, 0, 0, options.Seed, TimeSpan.Zero);
        var plan = BuildPlan(c, null, weights, new double[c.ConstraintLosses.Length + (c.Epigraph ? c.ObjectiveLosses.Length : 0)], false, search, options, clock, evaluator);
        return plan with { Status = MixturePlanStatus.Infeasible, Message = message };
    }

    internal static MixturePlan BuildPlan(CompiledMixtureProblem c, IReadOnlyList<MixtureModel>? ensemble, double[] weights, double[] multipliers,
        bool converged, MixtureSearchSummary search, MixtureOptimizerOptions options, Stopwatch clock, MixtureEvaluator? evaluator = null)
    {
        int k = c.K, m = c.M;
        evaluator ??= new MixtureEvaluator(c, ensemble!);
        var losses = new double[m];
        var gradients = new double[m * k];
        evaluator.Evaluate(weights, losses, gradients);
        double objectiveValue = c.ObjectiveOf(losses);

        // Lagrangian gradient and KKT measures.
        var lagrangian = new double[k];
        int nc = c.ConstraintLosses.Length;
        double complementarity = 0, epigraphSum = 0;
        if (!c.Epigraph)
            for (int q = 0; q < c.ObjectiveLosses.Length; q++)
                for (int j = 0; j < k; j++) lagrangian[j] += c.ObjectiveWeights[q] * gradients[c.ObjectiveLosses[q] * k + j];
        for (int q = 0; q < multipliers.Length; q++)
        {
            int i = q < nc ? c.ConstraintLosses[q] : c.ObjectiveLosses[q - nc];
            double value = q < nc ? losses[i] - c.ConstraintLimits[q] : losses[i] - objectiveValue;
            double mu = multipliers[q];
            for (int j = 0; j < k; j++) lagrangian[j] += mu * gradients[i * k + j];
            complementarity = Math.Max(complementarity, mu * Math.Abs(value));
            if (q >= nc) epigraphSum += mu;
        }
        var step = new double[k];
        for (int j = 0; j < k; j++) step[j] = weights[j] - lagrangian[j];
        bool projectable = c.LinearInfeasibility() is null;
        double stationarity = double.NaN;
        if (projectable)
        {
            c.Project(step);
            stationarity = 0;
            for (int j = 0; j < k; j++) stationarity = Math.Max(stationarity, Math.Abs(step[j] - weights[j]));
            if (c.Epigraph) stationarity = Math.Max(stationarity, Math.Abs(1 - epigraphSum));
        }
        double tol = options.ActiveTolerance;
        var free = Enumerable.Range(0, k).Where(j => weights[j] - c.Lower[j] > tol && c.Upper[j] - weights[j] > tol).ToList();
        double lambda = free.Count > 0 ? free.Average(j => lagrangian[j]) : lagrangian[Array.IndexOf(weights, weights.Max())];

        // Constraints.
        var active = ImmutableArray.CreateBuilder<ConstraintReport>();
        var violated = ImmutableArray.CreateBuilder<ConstraintReport>();
        for (int j = 0; j < k; j++)
        {
            string domain = c.Domains[j];
            double lowerSlack = weights[j] - c.Lower[j];
            var lowerReport = new ConstraintReport(ConstraintKind.LowerBound, F($"{domain} ≥ {c.Lower[j]:G6}"), domain, weights[j], c.Lower[j], lowerSlack,
                Math.Max(0, lagrangian[j] - lambda));
            if (lowerSlack < -1e-12) violated.Add(lowerReport);
            else if (lowerSlack <= tol) active.Add(lowerReport);
            double upperSlack = c.Upper[j] - weights[j];
            bool availability = c.UpperFromAvailability(j);
            var upperReport = new ConstraintReport(availability ? ConstraintKind.DataAvailability : ConstraintKind.UpperBound,
                F($"{domain} ≤ {c.Upper[j]:G6}") + (availability ? " (" + c.UpperSourceText(j) + ")" : ""), domain, weights[j], c.Upper[j], upperSlack,
                Math.Max(0, lambda - lagrangian[j]));
            if (upperSlack < -1e-12) violated.Add(upperReport);
            else if (upperSlack <= tol && c.Upper[j] < 1) active.Add(upperReport);
        }
        double lossExcess = 0;
        for (int q = 0; q < nc; q++)
        {
            int i = c.ConstraintLosses[q];
            double slack = c.ConstraintLimits[q] - losses[i];
            lossExcess = Math.Max(lossExcess, -slack);
            var report = new ConstraintReport(ConstraintKind.LossLimit, c.ConstraintDescription(q), c.Problem.Model.Losses[i].Name, losses[i],
                c.ConstraintLimits[q], slack, multipliers[q]);
            if (slack < -options.ConstraintTolerance) violated.Add(report);
            else if (slack <= tol || multipliers[q] > 1e-12) active.Add(report);
        }
        double boundExcess = 0;
        for (int j = 0; j < k; j++) boundExcess = Math.Max(boundExcess, Math.Max(c.Lower[j] - weights[j], weights[j] - c.Upper[j]));
        var kkt = new KktReport(stationarity, Math.Max(lossExcess, Math.Max(0, boundExcess)), complementarity, lambda);

        var baselines = c.Problem.Baselines.Select(b => EvaluateBaseline(c, evaluator, b, objectiveValue, options)).ToImmutableArray();
        var predicted = c.Problem.Model.Losses.Select((l, i) => new PredictedLoss(l.Name, losses[i])).ToImmutableArray();
        MixturePlanStatus status;
        string message;
        if (violated.Count > 0 || !double.IsFinite(objectiveValue))
        {
            status = MixturePlanStatus.Infeasible;
            message = !double.IsFinite(objectiveValue)
                ? "No mixture with a finite predicted objective was found; check the fitted parameters and bounds."
                : "No mixture satisfies every constraint: " + string.Join("; ", violated.Select(v => v.Description + F($" (best found: {v.Value:G6})"))) + ".";
        }
        else if (converged || kkt.Residual <= options.KktTolerance)
        {
            status = kkt.Residual <= options.KktTolerance ? MixturePlanStatus.Optimal : MixturePlanStatus.NotConverged;
            message = status == MixturePlanStatus.Optimal
                ? F($"Optimal: {c.Problem.Objective.Describe()} = {objectiveValue:G6}; KKT residual {kkt.Residual:G3}; {active.Count} active constraint(s).")
                : F($"Not converged: KKT residual {kkt.Residual:G3} exceeds {options.KktTolerance:G3}; the weights are the best found ({objectiveValue:G6}).");
        }
        else
        {
            status = MixturePlanStatus.NotConverged;
            message = F($"Not converged: KKT residual {kkt.Residual:G3} exceeds {options.KktTolerance:G3}; the weights are the best found ({objectiveValue:G6}).");
        }
        return new MixturePlan
        {
            Status = status,
            Message = message,
            Domains = c.Domains,
            Weights = weights.ToImmutableArray(),
            Objective = c.Problem.Objective,
            ObjectiveValue = objectiveValue,
            Losses = predicted,
            ActiveConstraints = active.ToImmutable(),
            ViolatedConstraints = violated.ToImmutable(),
            Kkt = kkt,
            Baselines = baselines,
            Budget = c.Problem.Budget,
            Search = search with { Elapsed = clock.Elapsed },
        };
    }

    private static BaselineEvaluation EvaluateBaseline(CompiledMixtureProblem c, MixtureEvaluator evaluator, MixtureBaseline b, double reference,
        MixtureOptimizerOptions options)
    {
        var losses = new double[c.M];
        evaluator.Evaluate(b.Weights.AsSpan(), losses, Span<double>.Empty);
        double objective = c.ObjectiveOf(losses);
        var violations = ImmutableArray.CreateBuilder<string>();
        for (int j = 0; j < c.K; j++)
        {
            if (b.Weights[j] < c.Lower[j] - 1e-12) violations.Add(F($"{c.Domains[j]} ≥ {c.Lower[j]:G6} (has {b.Weights[j]:G6})"));
            if (b.Weights[j] > c.Upper[j] + 1e-12)
                violations.Add(F($"{c.Domains[j]} ≤ {c.Upper[j]:G6}") + (c.UpperFromAvailability(j) ? " (" + c.UpperSourceText(j) + ")" : "") + F($" (has {b.Weights[j]:G6})"));
        }
        for (int q = 0; q < c.ConstraintLosses.Length; q++)
        {
            double value = losses[c.ConstraintLosses[q]];
            if (value > c.ConstraintLimits[q] + options.ConstraintTolerance) violations.Add(c.ConstraintDescription(q) + F($" (has {value:G6})"));
        }
        return new BaselineEvaluation(b, c.Problem.Model.Losses.Select((l, i) => new PredictedLoss(l.Name, losses[i])).ToImmutableArray(),
            objective, objective - reference, violations.ToImmutable());
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
