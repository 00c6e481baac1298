using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using ScalingLaws.Laws;
using ScalingLaws.Uncertainty;

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
    public static FitResult Fit(FitProblem problem)
    {
        var clock = Stopwatch.StartNew();
        var starts = StartGenerator.Expand(problem);
        var solvers = new SolverPool(problem);
        var outcomes = RunStarts(problem, solvers, starts);
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
            return Failed(problem, starts[0], term, new StartSummary(tried, 0, 0, 0), clock.Elapsed);
        }
        double bestObjective = outcomes[best].Objective;
        double tol = problem.Options.SameOptimumTolerance;
        int reached = outcomes.Count(o => o.Theta is not null && double.IsFinite(o.Objective)
            && o.Objective <= bestObjective + tol * Math.Abs(bestObjective) + double.Epsilon);
        var termination = problem.Options.CancellationToken.IsCancellationRequested && tried < starts.Count
            ? Termination.Cancelled : outcomes[best].Termination;
        return Summarize(problem, solvers, outcomes[best].Theta!, starts[best], termination, outcomes[best].Iterations,
            new StartSummary(tried, converged, reached, best), clock.Elapsed);
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
        RunPhase(problem, solvers, Enumerable.Range(0, starts.Count).ToArray(), i => starts[i], outcomes, screening.Iterations, reportProgress: true);
        var survivors = Enumerable.Range(0, starts.Count)
            .Where(i => outcomes[i].Theta is not null && outcomes[i].Termination == Termination.MaxIterations && double.IsFinite(outcomes[i].Objective))
            .OrderBy(i => outcomes[i].Objective).ThenBy(i => i)
            .Take(screening.Survivors).OrderBy(i => i).ToArray();
        var first = (Outcome[])outcomes.Clone();
        RunPhase(problem, solvers, survivors, i => first[i].Theta!, outcomes, -1, reportProgress: false,
            continuation: screening.Continuation && problem.Loss is not SquaredLoss);
        foreach (int i in survivors)
            outcomes[i] = outcomes[i] with { Iterations = outcomes[i].Iterations + first[i].Iterations };
        return outcomes;
    }

    /// <summary>
    /// Runs LM for each index in <paramref name="indices"/> from <paramref name="start"/>(index), on all
    /// cores; small chunks are handed out in order and each result depends only on its own start.
    /// </summary>
    private static void RunPhase(FitProblem problem, SolverPool solvers, int[] indices, Func<int, double[]> start, Outcome[] outcomes,
        int maxIterations, bool reportProgress, bool continuation = false)
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
                    ? LossContinuation.Run(problem, solver, start(s), token) : solver.Run(start(s), token, maxIterations);
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
        int chunk = Math.Max(1, Math.Min(64, count / (threads * 8)));
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

    private static FitResult Failed(FitProblem problem, double[] start, Termination termination, StartSummary summary, TimeSpan elapsed)
    {
        var specs = problem.Law.Parameters;
        var parameters = specs.Select((s, j) => new FittedParameter(s.Name, start[j], null, problem.Lower[j], problem.Upper[j], start[j],
            problem.IsFixed[j] ? BoundState.Fixed : BoundState.Free)).ToImmutableArray();
        int n = problem.Data.Count, k = problem.FreeIndices.Length;
        var stats = new FitStatistics(n, k, n - k, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        return new FitResult
        {
            Law = problem.Law, Target = problem.Data.Target, Parameters = parameters, Termination = termination,
            Objective = double.NaN, Statistics = stats,
            Covariance = ParameterCovariance.Unavailable("the fit failed: " + termination.Describe()),
            Starts = summary, Iterations = 0, Elapsed = elapsed, Loss = problem.Loss, Space = problem.Space,
            Options = problem.Options with { Loss = problem.Loss, Space = problem.Space, Starts = problem.Starts, Screening = problem.Screening },
            Warnings = [termination.Describe()],
        };
    }

    private static FitResult Summarize(FitProblem problem, SolverPool solvers, double[] theta, double[] start, Termination termination,
        int iterations, StartSummary summary, TimeSpan elapsed)
    {
        var law = problem.Law;
        var data = problem.Data;
        int n = data.Count;
        var solver = solvers.Rent();
        double objective;
        if (termination.IsConverged())
        {
            var (initial, noise, polished) = solver.Polish(theta);
            if (polished <= initial + noise) { theta = solver.Theta.ToArray(); objective = polished; }
            else objective = solver.EvaluateWithJacobian(theta);
        }
        else objective = solver.EvaluateWithJacobian(theta);
        var residuals = new double[n];
        var predictions = new double[n];
        solver.Residuals(theta, residuals, predictions);
        var refined = termination.IsConverged() && NearExact(problem, residuals) ? ExtendedPrecisionRefinement.Refine(problem, theta) : null;
        if (refined is not null)
        {
            theta = refined.Theta;
            solver.EvaluateWithJacobian(theta);
            objective = 0.5 * refined.ResidualSumOfSquares;
            solver.Residuals(theta, residuals, predictions);
            residuals = refined.Residuals;
        }

        // Bound states; covariance over free parameters strictly inside their bounds.
        var specs = law.Parameters;
        var states = new BoundState[specs.Length];
        var covered = new List<int>();
        var free = problem.FreeIndices;
        for (int a = 0; a < free.Length; a++)
        {
            int j = free[a];
            states[j] = theta[j] <= problem.Lower[j] ? BoundState.AtLower : theta[j] >= problem.Upper[j] ? BoundState.AtUpper : BoundState.Free;
            if (states[j] == BoundState.Free) covered.Add(a);
        }
        for (int j = 0; j < specs.Length; j++) if (problem.IsFixed[j]) states[j] = BoundState.Fixed;

        int dof = n - free.Length;
        var cov = problem.Options.ComputeCovariance
            ? CovarianceEstimator.Estimate(() => solver.TriangularFactor(CollectionsMarshal.AsSpan(covered)), n,
                covered.Select(a => specs[free[a]].Name).ToList(), refined?.Residuals ?? solver.ScaledResiduals, dof)
            : ParameterCovariance.Unavailable("not requested");

        var parameters = specs.Select((s, j) =>
        {
            double? se = null;
            if (cov.IsAvailable) { int c = cov.Names.IndexOf(s.Name); if (c >= 0) se = Math.Sqrt(cov[c, c]); }
            return new FittedParameter(s.Name, theta[j], se, problem.Lower[j], problem.Upper[j], start[j], states[j]);
        }).ToImmutableArray();

        var stats = Statistics(problem, residuals, predictions, free.Length);
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (!termination.IsConverged()) warnings.Add("The fit did not converge: " + termination.Describe() + ".");
        foreach (var p in parameters)
        {
            if (p.AtBound) warnings.Add($"'{p.Name}' is at its {(p.Bound == BoundState.AtLower ? "lower" : "upper")} bound ({FitReport.G(p.Value)}); its standard error is not reported.");
            else if (p.Bound == BoundState.Free && p.Value == p.Initial) warnings.Add($"'{p.Name}' did not move from its initial value ({FitReport.G(p.Value)}).");
        }
        if (!cov.IsAvailable && problem.Options.ComputeCovariance) warnings.Add("Covariance unavailable: " + cov.Reason + ".");
        if (cov.IsAvailable && problem.Loss is not SquaredLoss)
        {
            int downWeighted = DownWeightedRows(solver.RobustScales);
            if (2 * downWeighted > n)
                warnings.Add($"Standard errors come from the loss-reweighted Jacobian, an approximation that can understate the uncertainty when most residuals are down-weighted ({downWeighted} of {n} here weigh less than ½ under {problem.Loss.ToText()}); bootstrap intervals do not rely on it.");
        }
        solvers.Return(solver);
        return new FitResult
        {
            Law = law, Target = data.Target, Parameters = parameters, Termination = termination, Objective = objective,
            Statistics = stats, Covariance = cov, Starts = summary, Iterations = iterations, Elapsed = elapsed,
            Loss = problem.Loss, Space = problem.Space,
            Options = problem.Options with { Loss = problem.Loss, Space = problem.Space, Starts = problem.Starts, Screening = problem.Screening },
            Warnings = warnings.ToImmutable(),
        };
    }

    /// <summary>Rows whose robust weight ρ′(rᵢ²) is below ½ (√ρ′ below √½).</summary>
    private static int DownWeightedRows(ReadOnlySpan<double> robustScales)
    {
        int count = 0;
        foreach (double scale in robustScales) if (scale * scale < 0.5) count++;
        return count;
    }

    /// <summary>
    /// True when the residuals are so small against the targets (RMS below 10⁻⁶ of the targets' RMS in
    /// the fit space) that the rounding of f and y, about 10⁻¹⁶ of them, can show in the RSS's leading
    /// digits; only then is the double-double refinement worth its cost.
    /// </summary>
    private static bool NearExact(FitProblem problem, double[] residuals)
    {
        double r2 = 0, z2 = 0;
        var y = problem.Data.Y;
        for (int i = 0; i < residuals.Length; i++)
        {
            r2 += residuals[i] * residuals[i];
            double z = problem.Space == ResidualSpace.Log ? Math.Log(y[i]) : y[i];
            z2 += z * z;
        }
        return r2 <= 1e-12 * z2;
    }

    private static FitStatistics Statistics(FitProblem problem, double[] residuals, double[] predictions, int k)
    {
        var data = problem.Data;
        int n = data.Count;
        var y = data.Y;
        double rss = 0, mae = 0, mre = 0, mean = 0;
        for (int i = 0; i < n; i++)
        {
            rss += residuals[i] * residuals[i];
            double e = Math.Abs(predictions[i] - y[i]);
            mae += e;
            mre += e / Math.Abs(y[i]);
            mean += problem.Space == ResidualSpace.Log ? Math.Log(y[i]) : y[i];
        }
        mean /= n;
        double tss = 0;
        var w = data.Weights;
        for (int i = 0; i < n; i++)
        {
            double z = (problem.Space == ResidualSpace.Log ? Math.Log(y[i]) : y[i]) - mean;
            tss += (w.IsEmpty ? 1 : w[i]) * z * z;
        }
        double rmse = Math.Sqrt(rss / n);
        double ll = n * Math.Log(rss / n);
        return new FitStatistics(n, k, n - k, rss, rmse, tss > 0 ? 1 - rss / tss : double.NaN,
            ll + 2 * k, ll + k * Math.Log(n), mae / n, mre / n);
    }
}
