using System.Collections.Immutable;
using System.Diagnostics;
using ScalingLaws.Laws;

namespace ScalingLaws.Fitting;

/// <summary>
/// Fits a law to data by Levenberg–Marquardt from every start of <see cref="FitOptions.Starts"/> (or the
/// law's recipe), in parallel, and keeps the lowest objective (ties go to the lowest start index, so
/// the result does not depend on <see cref="FitOptions.MaxDegreeOfParallelism"/>).
/// </summary>
public static class LevenbergMarquardt
{
    /// <summary>Fits <paramref name="law"/> to <paramref name="data"/>.</summary>
    /// <exception cref="FitSetupException">The options or data are invalid; the message says why.</exception>
    public static FitResult Fit(IScalingLaw law, FitData data, FitOptions? options = null) =>
        Fit(FitProblem.Create(law, data, options));

    /// <summary>Fits a resolved problem.</summary>
    public static FitResult Fit(FitProblem problem) => Fit(problem, LmSolver.BlockRows(problem.Data.Count));

    /// <summary>Fits a resolved problem, evaluating <paramref name="blockRows"/> rows at a time (see <see cref="LmSolver"/>).</summary>
    internal static FitResult Fit(FitProblem problem, int blockRows) => Fit(problem, blockRows, warm: null);

    /// <summary>
    /// Refits <paramref name="fit"/>'s law with <paramref name="options"/> (normally the fit's resolved ones: loss, space,
    /// starts, screening, fixed values, bounds) on <paramref name="data"/>, starting from the fit's optima instead of its start set: each of
    /// <see cref="FitResult.Optima"/> (or, for a fit without them, its parameters) is run to convergence as a
    /// screening survivor is (<see cref="LossContinuation"/> when the screening asks for it), the nested law's fit
    /// likewise from its own optima, and the lowest objective on <paramref name="data"/> is kept (ties: the lowest
    /// candidate index). The estimate is the same as a fit's, the minimiser of the objective on
    /// <paramref name="data"/>; only the starts differ.
    /// </summary>
    /// <exception cref="FitSetupException">The data cannot be fitted with the fit's options (e.g. too few rows).</exception>
    internal static FitResult Refit(FitResult fit, FitData data, FitOptions options)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var problem = FitProblem.Create(fit.Law, data, options);
        var points = fit.Optima.IsDefaultOrEmpty ? [fit.Values] : fit.Optima;
        return Fit(problem, LmSolver.BlockRows(data.Count), new WarmStart(points, fit.NestedFit));
    }

    /// <summary>Starts of a refit: the earlier fit's optima and its nested law's fit (see <see cref="Refit"/>).</summary>
    private sealed record WarmStart(ImmutableArray<ImmutableArray<double>> Points, FitResult? Nested);

    private static FitResult Fit(FitProblem problem, int blockRows, WarmStart? warm)
    {
        var clock = Stopwatch.StartNew();
        var solvers = new SolverPool(problem, blockRows);
        Func<int, double[]> start;
        Outcome[] outcomes;
        if (warm is null)
        {
            var starts = StartGenerator.Expand(problem);
            start = i => starts[i];
            outcomes = RunStarts(problem, solvers, starts);
        }
        else
        {
            var points = warm.Points;
            start = i => Project(problem, points[i].AsSpan());
            outcomes = new Outcome[points.Length];
            RunPhase(problem, solvers, Enumerable.Range(0, points.Length).ToArray(), start, outcomes, -1, reportProgress: true,
                continuation: Continues(problem), stageIterations: problem.Screening?.StageIterations ?? -1);
        }
        int startCount = outcomes.Length;
        var nested = NestedCandidate(problem, warm?.Nested);
        if (nested is not null) outcomes = [.. outcomes, .. RunNested(problem, solvers, nested.Value.Start, nested.Value.Reduced.Termination, outcomes)];
        double[] Start(int index) => index < startCount ? start(index) : nested!.Value.Start;
        int best = -1;
        for (int s = 0; s < outcomes.Length; s++)
        {
            var o = outcomes[s];
            if (o.Theta is null || !double.IsFinite(o.Objective)) continue;
            if (best < 0 || o.Objective < outcomes[best].Objective
                || (o.Objective == outcomes[best].Objective && IsBetterState(o.Termination, outcomes[best].Termination)))
                best = s;
        }
        int tried = outcomes.Count(o => o.Theta is not null);
        int converged = outcomes.Count(o => o.Theta is not null && o.Termination.IsConverged());
        if (best < 0)
        {
            var term = problem.Options.CancellationToken.IsCancellationRequested ? Termination.Cancelled : Termination.InvalidStart;
            return FitResultBuilder.Failed(problem, Start(0), term, new StartSummary(tried, 0, 0, 0), clock.Elapsed);
        }
        double bestObjective = outcomes[best].Objective;
        double tol = problem.Options.SameOptimumTolerance;
        int reached = outcomes.Count(o => o.Theta is not null && double.IsFinite(o.Objective)
            && o.Objective <= bestObjective + tol * Math.Abs(bestObjective) + double.Epsilon);
        var termination = problem.Options.CancellationToken.IsCancellationRequested && tried < outcomes.Length
            ? Termination.Cancelled : outcomes[best].Termination;
        var builder = solvers.Rent();
        var result = FitResultBuilder.Build(problem, builder, outcomes[best].Theta!, Start(best), termination, outcomes[best].Iterations,
            new StartSummary(tried, converged, reached, best), clock.Elapsed);
        solvers.Return(builder);
        return result with { Optima = Optima(outcomes, best, result.Values, tol), NestedFit = nested?.Reduced };
    }

    /// <summary>Whether a start's last phase runs through <see cref="LossContinuation"/>: the screening asks for it and the loss is robust.</summary>
    private static bool Continues(FitProblem problem) => problem.Screening is { Continuation: true } && problem.Loss is not SquaredLoss;

    /// <summary><paramref name="point"/> with fixed parameters at their values and the others projected into the bounds.</summary>
    private static double[] Project(FitProblem problem, ReadOnlySpan<double> point)
    {
        var v = new double[problem.Law.Parameters.Length];
        for (int j = 0; j < v.Length; j++)
            v[j] = problem.IsFixed[j] ? problem.Initial[j] : Math.Clamp(j < point.Length ? point[j] : problem.Initial[j], problem.Lower[j], problem.Upper[j]);
        return v;
    }

    /// <summary>
    /// The end points of the starts that ran to the end (screened-out starts excluded) with a finite objective, one per
    /// distinct objective (relative gap above <paramref name="tolerance"/>), lowest first; the first is the fit's own
    /// (polished) parameters.
    /// </summary>
    private static ImmutableArray<ImmutableArray<double>> Optima(Outcome[] outcomes, int best, ImmutableArray<double> fitted, double tolerance)
    {
        var order = Enumerable.Range(0, outcomes.Length)
            .Where(i => i != best && outcomes[i].Final && outcomes[i].Theta is not null && double.IsFinite(outcomes[i].Objective))
            .OrderBy(i => outcomes[i].Objective).ThenBy(i => i);
        var result = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
        result.Add(fitted);
        double last = outcomes[best].Objective;
        foreach (int i in order)
        {
            double objective = outcomes[i].Objective;
            if (objective <= last + tolerance * Math.Abs(last)) continue;
            result.Add([.. outcomes[i].Theta!]);
            last = objective;
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// The nested law's optimum as candidates of a <see cref="INestedLaw"/>'s fit: the embedded point itself, at no
    /// iteration (its objective is the reduced law's, up to rounding), and, when no other outcome reached it, two more
    /// runs from it: plain Levenberg–Marquardt under the fit's loss for at most <see cref="NestedIterations"/> steps
    /// (its objective can only fall; it goes on to the options' maximum while no converged outcome is below it, the rule of
    /// <see cref="GoOn"/>) and, when the screening asks for it, a run through <see cref="LossContinuation"/>
    /// (which may find a lower basin). The lowest is at most the reduced law's objective, so the fit's is too.
    /// </summary>
    private static Outcome[] RunNested(FitProblem problem, SolverPool solvers, double[] start, Termination reducedTermination, Outcome[] others)
    {
        var solver = solvers.Rent();
        try
        {
            double embedded = solver.System.Evaluate(start);
            if (!double.IsFinite(embedded)) return [];
            var candidate = new Outcome(start, embedded, reducedTermination, 0, Final: false);
            double bestOther = others.Where(o => o.Theta is not null && double.IsFinite(o.Objective)).Select(o => o.Objective)
                .DefaultIfEmpty(double.PositiveInfinity).Min();
            if (bestOther <= embedded) return [candidate];
            var token = problem.Options.CancellationToken;
            int cap = Math.Min(problem.Options.MaxIterations, NestedIterations);
            var (objective, termination, iterations) = solver.Run(start, token, cap);
            var plain = new Outcome(solver.Theta.ToArray(), objective, termination, iterations, Final: true);
            Outcome[] runs = [plain];
            if (Continues(problem))
            {
                (objective, termination, iterations) = LossContinuation.Run(problem, solver, start, token, problem.Screening!.StageIterations);
                runs = [plain, new Outcome(solver.Theta.ToArray(), objective, termination, iterations, Final: true)];
            }
            // The capped plain run goes on, as a survivor's budgeted final stage does, while no converged outcome is below it.
            Outcome[] all = [.. others.Where(o => o.Theta is not null), .. runs];
            int index = all.Length - runs.Length;
            if (cap < problem.Options.MaxIterations && GoOn([.. Enumerable.Range(0, all.Length)], i => (all[i].Objective, all[i].Termination)).Contains(index))
            {
                (objective, termination, iterations) = solver.Run(plain.Theta, token, problem.Options.MaxIterations - cap);
                runs[0] = new Outcome(solver.Theta.ToArray(), objective, termination, plain.Iterations + iterations, Final: true);
            }
            return [candidate, .. runs];
        }
        finally
        {
            solvers.Return(solver);
        }
    }

    /// <summary>
    /// Trial steps per start of the nested law's fit at most. That fit only supplies a candidate; its survivors converge
    /// in 300–3,000 steps on the mixture benchmark log, while one creeping under Huber δ = 10⁻³ (linear convergence) ran
    /// into the default maximum of 50,000 at an objective 1.3 % above the others'.
    /// </summary>
    private const int NestedIterations = 5_000;

    /// <summary>
    /// For a <see cref="INestedLaw"/> fitted from screened random starts: the reduced law fitted to the same data with
    /// the same loss and space (its own recipe's starts, at most <see cref="NestedIterations"/> steps each; the options'
    /// fixed values, bounds and initial values of the parameters it has) — or, in a refit, refitted from <paramref name="warm"/>, the earlier fit's nested fit —
    /// and its optimum embedded (the parameters it lacks at their initial values, fixed ones at their values) and
    /// projected into the bounds. Null for other laws or starts, or when the reduced fit fails.
    /// </summary>
    private static (double[] Start, FitResult Reduced)? NestedCandidate(FitProblem problem, FitResult? warm)
    {
        if (problem.Law is not INestedLaw { Reduced: var reduced } law || problem.Starts is not RandomStarts || problem.Screening is null
            || !reduced.Variables.SequenceEqual(law.Variables))
            return null;
        var shared = reduced.Parameters.Select(p => p.Name).ToHashSet();
        var o = problem.Options;
        var options = o with
        {
            Loss = problem.Loss, Space = problem.Space, Starts = null, ComputeCovariance = false, Progress = null,
            MaxIterations = Math.Min(o.MaxIterations, NestedIterations),
            Fixed = o.Fixed.Where(kv => shared.Contains(kv.Key)).ToImmutableDictionary(),
            Bounds = o.Bounds.Where(kv => shared.Contains(kv.Key)).ToImmutableDictionary(),
            Initial = o.Initial.Where(kv => shared.Contains(kv.Key)).ToImmutableDictionary(),
        };
        FitResult fit;
        try { fit = warm is not null && warm.Law.Name == reduced.Name ? Refit(warm, problem.Data, warm.Options with { Progress = null, CancellationToken = o.CancellationToken, MaxDegreeOfParallelism = o.MaxDegreeOfParallelism }) : Fit(reduced, problem.Data, options); }
        catch (FitSetupException) { return null; }
        if (!double.IsFinite(fit.Objective)) return null;
        var fitted = fit.Parameters.ToDictionary(p => p.Name, p => p.Value);
        var start = new double[law.Parameters.Length];
        for (int j = 0; j < start.Length; j++)
        {
            var spec = law.Parameters[j];
            double v = problem.IsFixed[j] ? problem.Initial[j] : fitted.TryGetValue(spec.Name, out double value) ? value : spec.Initial;
            start[j] = Math.Clamp(v, problem.Lower[j], problem.Upper[j]);
        }
        return (start, fit);
    }


    private static bool IsBetterState(Termination a, Termination b) => a.IsConverged() && !b.IsConverged();

    /// <summary>
    /// One candidate's end: parameters, objective, termination, trial steps, and whether it is the end of a run of this
    /// law to convergence (false for a screened-out start and for the embedded nested optimum).
    /// </summary>
    private readonly record struct Outcome(double[]? Theta, double Objective, Termination Termination, int Iterations, bool Final);

    private static Outcome[] RunStarts(FitProblem problem, SolverPool solvers, StartGenerator starts)
    {
        var outcomes = new Outcome[starts.Count];
        var o = problem.Options;
        var screening = problem.Screening;
        if (screening is null || starts.Count <= screening.Survivors)
        {
            RunPhase(problem, solvers, Enumerable.Range(0, starts.Count).ToArray(), i => starts[i], outcomes, -1, reportProgress: true);
            return outcomes;
        }
        // The screening steps solve the normal equations (Cholesky of J̃ᵀJ̃, a fraction of a QR's cost); the survivors' QR.
        RunPhase(problem, solvers, Enumerable.Range(0, starts.Count).ToArray(), i => starts[i], outcomes, screening.Iterations, reportProgress: true,
            normalEquations: true);
        var candidates = new List<int>();
        for (int i = 0; i < starts.Count; i++)
            if (outcomes[i].Theta is not null && outcomes[i].Termination == Termination.MaxIterations && double.IsFinite(outcomes[i].Objective))
                candidates.Add(i);
        candidates.Sort((x, y) => outcomes[x].Objective != outcomes[y].Objective ? outcomes[x].Objective.CompareTo(outcomes[y].Objective) : x.CompareTo(y));
        var survivors = candidates.GetRange(0, Math.Min(screening.Survivors, candidates.Count)).ToArray();
        Array.Sort(survivors);
        var first = (Outcome[])outcomes.Clone();
        bool continuation = Continues(problem);
        int budget = continuation ? Math.Min(SurvivorFinalIterations, o.MaxIterations) : -1;
        RunPhase(problem, solvers, survivors, i => first[i].Theta!, outcomes, budget, reportProgress: false, continuation,
            stageIterations: screening.StageIterations);
        foreach (int i in survivors)
            outcomes[i] = outcomes[i] with { Iterations = outcomes[i].Iterations + first[i].Iterations };
        if (budget > 0 && budget < o.MaxIterations)
        {
            var unfinished = GoOn(survivors, i => (outcomes[i].Objective, outcomes[i].Termination));
            var budgeted = (Outcome[])outcomes.Clone();
            RunPhase(problem, solvers, unfinished, i => budgeted[i].Theta!, outcomes, o.MaxIterations - budget, reportProgress: false);
            foreach (int i in unfinished)
                outcomes[i] = outcomes[i] with { Iterations = outcomes[i].Iterations + budgeted[i].Iterations };
        }
        return outcomes;
    }

    /// <summary>
    /// The survivors whose final stage used its budget (<see cref="Termination.MaxIterations"/>) and whose objective is
    /// below every converged survivor's: they go on; the others stop where they are.
    /// </summary>
    internal static int[] GoOn(int[] survivors, Func<int, (double Objective, Termination Termination)> outcome)
    {
        double converged = double.PositiveInfinity;
        foreach (int i in survivors)
            if (outcome(i) is { Termination: var t, Objective: var f } && t.IsConverged()) converged = Math.Min(converged, f);
        return [.. survivors.Where(i => outcome(i) is { Termination: Termination.MaxIterations, Objective: var f } && f < converged)];
    }

    /// <summary>
    /// Trial steps of a continued survivor's final stage after which it goes on only while it is below every converged
    /// survivor (most final stages end within 2,500; one in a long valley would creep to the options' maximum).
    /// </summary>
    private const int SurvivorFinalIterations = 5_000;

    /// <summary>
    /// Runs LM for each index in <paramref name="indices"/> from <paramref name="start"/>(index), on all
    /// cores; small chunks are handed out in order and each result depends only on its own start.
    /// </summary>
    private static void RunPhase(FitProblem problem, SolverPool solvers, int[] indices, Func<int, double[]> start, Outcome[] outcomes,
        int maxIterations, bool reportProgress, bool continuation = false, bool normalEquations = false, int stageIterations = -1)
    {
        var token = problem.Options.CancellationToken;
        var progress = reportProgress ? problem.Options.Progress : null;
        int done = 0;
        void RunRange(LmSolver solver, int from, int to)
        {
            for (int q = from; q < to; q++)
            {
                if (token.IsCancellationRequested) return;
                int s = indices[q];
                var (objective, termination, iterations) = continuation
                    ? LossContinuation.Run(problem, solver, start(s), token, stageIterations, maxIterations) : solver.Run(start(s), token, maxIterations, normalEquations);
                outcomes[s] = new Outcome(solver.Theta.ToArray(), objective, termination, iterations,
                    Final: maxIterations <= 0 || termination != Termination.MaxIterations);
                if (progress is not null) progress.Report(Interlocked.Increment(ref done));
            }
        }
        int count = indices.Length;
        if (count == 0) return;
        int threads = problem.Options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : problem.Options.MaxDegreeOfParallelism;
        threads = Math.Max(1, Math.Min(threads, count));
        if (threads == 1)
        {
            var solver = solvers.Rent();
            RunRange(solver, 0, count);
            solvers.Return(solver);
            return;
        }
        // At least 32 chunks per thread, so that the last chunks (whose starts may run far longer than the others,
        // as the survivors do) leave little idle: one start per chunk for a few hundred starts, at most 16.
        int chunk = Math.Clamp(count / (threads * 32), 1, 16);
        int next = 0;
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                var solver = solvers.Rent();
                while (true)
                {
                    int from = Interlocked.Add(ref next, chunk) - chunk;
                    if (from >= count) break;
                    RunRange(solver, from, Math.Min(from + chunk, count));
                }
                solvers.Return(solver);
            }) { IsBackground = true };
            workers[t].Start();
        }
        foreach (var w in workers) w.Join();
    }
}
