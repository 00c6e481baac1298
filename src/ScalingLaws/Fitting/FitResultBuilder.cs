using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Fitting;

/// <summary>
/// Turns the best start's parameters into a <see cref="FitResult"/>: polishes a converged point
/// (<see cref="LmSolver.Polish"/>, kept when the objective does not rise beyond its rounding error),
/// refines near-exact fits in extended precision, classifies bounds, estimates the covariance of the
/// free parameters strictly inside their bounds from the QR factor of J̃, computes the statistics and
/// collects the warnings. Goes through the rows in the solver's blocks, so it holds no n-sized array
/// beyond the solver's own (except for an extended-precision refinement).
/// </summary>
internal static class FitResultBuilder
{
    /// <summary>The result of a fit in which no start gave a finite objective: the start, NaN statistics, no covariance.</summary>
    public static FitResult Failed(FitProblem problem, double[] start, Termination termination, StartSummary summary, TimeSpan elapsed)
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
            Options = ResolvedOptions(problem),
            Warnings = [termination.Describe()],
        };
    }

    /// <summary>The result at <paramref name="theta"/>, the best of the starts (<paramref name="start"/> its initial point), using <paramref name="solver"/>'s buffers.</summary>
    public static FitResult Build(FitProblem problem, LmSolver solver, double[] theta, double[] start, Termination termination,
        int iterations, StartSummary summary, TimeSpan elapsed)
    {
        var law = problem.Law;
        var data = problem.Data;
        int n = data.Count;
        var system = solver.System;
        double objective;
        if (termination.IsConverged())
        {
            var (initial, noise, polished) = solver.Polish(theta);
            if (polished <= initial + noise) { theta = solver.Theta.ToArray(); objective = polished; }
            else objective = system.Evaluate(theta);
        }
        else objective = system.Evaluate(theta);
        var free = problem.FreeIndices;
        var sums = ResidualSums.Scan(problem, system.Evaluator, theta);
        var refined = termination.IsConverged() && sums.IsNearExact ? ExtendedPrecisionRefinement.Refine(problem, theta) : null;
        double scaledRss;
        if (refined is not null)
        {
            theta = refined.Theta;
            system.Evaluate(theta);
            objective = 0.5 * refined.ResidualSumOfSquares;
            sums = ResidualSums.Scan(problem, system.Evaluator, theta, refined.Residuals);
            scaledRss = 0;
            foreach (double r in refined.Residuals) scaledRss += r * r;
        }
        else scaledRss = system.ScaledResidualSumOfSquares();

        // Bound states; covariance over free parameters strictly inside their bounds.
        var specs = law.Parameters;
        var states = new BoundState[specs.Length];
        var covered = new List<int>();
        for (int a = 0; a < free.Length; a++)
        {
            int j = free[a];
            states[j] = theta[j] <= problem.Lower[j] ? BoundState.AtLower : theta[j] >= problem.Upper[j] ? BoundState.AtUpper : BoundState.Free;
            if (states[j] == BoundState.Free) covered.Add(a);
        }
        for (int j = 0; j < specs.Length; j++) if (problem.IsFixed[j]) states[j] = BoundState.Fixed;

        int dof = n - free.Length;
        var cov = problem.Options.ComputeCovariance
            ? CovarianceEstimator.Estimate(() => system.TriangularFactor(CollectionsMarshal.AsSpan(covered)), n,
                covered.Select(a => specs[free[a]].Name).ToList(), scaledRss, dof)
            : ParameterCovariance.Unavailable("not requested");

        var parameters = specs.Select((s, j) =>
        {
            double? se = null;
            if (cov.IsAvailable) { int c = cov.Names.IndexOf(s.Name); if (c >= 0) se = Math.Sqrt(cov[c, c]); }
            return new FittedParameter(s.Name, theta[j], se, problem.Lower[j], problem.Upper[j], start[j], states[j]);
        }).ToImmutableArray();

        var stats = sums.Statistics(free.Length);
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (!termination.IsConverged()) warnings.Add("The fit did not converge: " + termination.Describe() + ".");
        foreach (var p in parameters)
        {
            if (p.AtBound) warnings.Add($"'{p.Name}' is at its {(p.Bound == BoundState.AtLower ? "lower" : "upper")} bound ({FitReport.G(p.Value)}); its standard error is not reported.");
            else if (p.Bound == BoundState.Free && p.Value == p.Initial) warnings.Add($"'{p.Name}' did not move from its initial value ({FitReport.G(p.Value)}).");
        }
        if (!cov.IsAvailable && problem.Options.ComputeCovariance) warnings.Add("Covariance unavailable: " + cov.Reason + ".");
        foreach (var p in parameters)
            if (cov.IsAvailable && p.Bound == BoundState.Free && !cov.Names.Contains(p.Name))
                warnings.Add($"'{p.Name}' does not change the fit at the optimum (its derivative is 0 on every row, e.g. the term it shapes is 0 or constant there), so the data do not identify it; its standard error is not reported.");
        if (cov.IsAvailable && problem.Loss is not SquaredLoss)
        {
            int downWeighted = system.DownWeightedRows();
            if (2 * downWeighted > n)
                warnings.Add($"Standard errors come from the loss-reweighted Jacobian, an approximation that can understate the uncertainty when most residuals are down-weighted ({downWeighted} of {n} here weigh less than ½ under {problem.Loss.ToText()}); bootstrap intervals do not rely on it.");
        }
        return new FitResult
        {
            Law = law, Target = data.Target, Parameters = parameters, Termination = termination, Objective = objective,
            Statistics = stats, Covariance = cov, Starts = summary, Iterations = iterations, Elapsed = elapsed,
            Loss = problem.Loss, Space = problem.Space,
            Options = ResolvedOptions(problem),
            Warnings = warnings.ToImmutable(),
        };
    }

    private static FitOptions ResolvedOptions(FitProblem problem) =>
        problem.Options with { Loss = problem.Loss, Space = problem.Space, Starts = problem.Starts, Screening = problem.Screening };
}
