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
    internal static FitResult Fit(FitProblem problem, int blockRows)
    {
        var clock = Stopwatch.StartNew();
        var starts = StartGenerator.Expand(problem);
        var solvers = new SolverPool(problem, blockRows);
        var outcomes = RunStarts(problem, solvers, starts);
        var (nested, reducedObjective) = NestedStart(problem);
        double bestRandom = outcomes.Where(o => o.Theta is not null && double.IsFinite(o.Objective)).Select(o => o.Objective).DefaultIfEmpty(double.PositiveInfinity).Min();
        if (bestRandom <= reducedObjective) nested = null;
        if (nested is not null)
        {
            var solver = solvers.Rent();
            var (objective, stop, iterations) = solver.Run(nested, problem.Options.CancellationToken);
            outcomes = [.. outcomes, new Outcome(solver.Theta.ToArray(), objective, stop, iterations)];
            solvers.Return(solver);
        }
        double[] Start(int index) => index < starts.Count ? starts[index] : nested!;
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
            var first = outcomes.FirstOrDefault(o => o.Theta is not null);
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
        return result;
    }

    /// <summary>
    /// For a <see cref="INestedLaw"/> fitted from screened random starts: the reduced law fitted to the same data with
    /// the same loss and space (its own recipe's starts; the options' fixed values, bounds and initial values of the
    /// parameters it has), embedded (the parameters it lacks at their initial values, fixed ones at their values) and
    /// projected into the bounds, with the reduced fit's objective. Null for other laws or starts, or when the reduced
    /// fit fails. The fit runs it (by plain Levenberg–Marquardt, whose objective can only fall) only when no random start
    /// reached that objective, so the result is never above the reduced law's and costs a reduced fit otherwise.
    /// </summary>
    private static (double[]? Start, double Objective) NestedStart(FitProblem problem)
    {
        if (problem.Law is not INestedLaw { Reduced: var reduced } law || problem.Starts is not RandomStarts || problem.Screening is null
            || !reduced.Variables.SequenceEqual(law.Variables))
            return (null, double.NaN);
        var shared = reduced.Parameters.Select(p => p.Name).ToHashSet();
        var o = problem.Options;
        var options = o with
        {
            Loss = problem.Loss, Space = problem.Space, Starts = null, ComputeCovariance = false, Progress = null,
            Fixed = o.Fixed.Where(kv => shared.Contains(kv.Key)).ToImmutableDictionary(),
            Bounds = o.Bounds.Where(kv => shared.Contains(kv.Key)).ToImmutableDictionary(),
            Initial = o.Initial.Where(kv => shared.Contains(kv.Key)).ToImmutableDictionary(),
        };
        FitResult fit;
        try { fit = Fit(reduced, problem.Data, options); }
        catch (FitSetupException) { return (null, double.NaN); }
        if (!double.IsFinite(fit.Objective)) return (null, double.NaN);
        var fitted = fit.Parameters.ToDictionary(p => p.Name, p => p.Value);
        var start = new double[law.Parameters.Length];
        for (int j = 0; j < start.Length; j++)
        {
            var spec = law.Parameters[j];
            double v = problem.IsFixed[j] ? problem.Initial[j] : fitted.TryGetValue(spec.Name, out double value) ? value : spec.Initial;
            start[j] = Math.Clamp(v, problem.Lower[j], problem.Upper[j]);
        }
        return (start, fit.Objective);
    }

    private static bool IsBetterState(Termination a, Termination b) => a.IsConverged() && !b.IsConverged();

    private readonly record struct Outcome(double[]? Theta, double Objective, Termination Termination, int Iterations);

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
        bool continuation = screening.Continuation && problem.Loss is not SquaredLoss;
        int budget = continuation ? Math.Min(SurvivorFinalIterations, o.MaxIterations) : -1;
        RunPhase(problem, solvers, survivors, i => first[i].Theta!, outcomes, budget, reportProgress: false, continuation,
            stageIterations: screening.StageIterations);
        foreach (int i in survivors)
            outcomes[i] = outcomes[i] with { Iterations = outcomes[i].Iterations + first[i].Iterations };
        if (budget > 0 && budget < o.MaxIterations)
        {
            // A survivor whose final stage used its budget goes on only while no converged survivor is below it.
            double converged = survivors.Where(i => outcomes[i].Termination.IsConverged()).Select(i => outcomes[i].Objective)
                .DefaultIfEmpty(double.PositiveInfinity).Min();
            var unfinished = survivors.Where(i => outcomes[i].Termination == Termination.MaxIterations && outcomes[i].Objective < converged).ToArray();
            var budgeted = (Outcome[])outcomes.Clone();
            RunPhase(problem, solvers, unfinished, i => budgeted[i].Theta!, outcomes, o.MaxIterations - budget, reportProgress: false);
            foreach (int i in unfinished)
                outcomes[i] = outcomes[i] with { Iterations = outcomes[i].Iterations + budgeted[i].Iterations };
        }
        return outcomes;
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
                outcomes[s] = new Outcome(solver.Theta.ToArray(), objective, termination, iterations);
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
