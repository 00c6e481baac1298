using System.Collections.Immutable;
using ScalingLaws.Fitting;
using ScalingLaws.Uncertainty;

namespace ScalingLaws.Design;

/// <summary>
/// Chooses the next runs that most reduce the uncertainty of a decision. Criterion: expected reduction of the
/// decision's total variance tr Cov(q) under a linear-Gaussian update. A belief about the fitted laws gives, for
/// the decision q and the predicted observation y(x) of candidate x (in the fit's residual space; one per fit),
/// Cov(q), Cov(q, y) and Var y: by default the linearised posterior (<see cref="NextRunCriterion.Linearised"/>:
/// Σ = (JᵀJ/σ² + weak prior)⁻¹, Cov(q, y) = GΣg with G = ∂q/∂θ — the c-optimal design for the decision), or the
/// bootstrap ensemble (<see cref="NextRunCriterion.Ensemble"/>). With σ² the fit's residual variance
/// Σ rᵢ²/(n − p), observing x reduces the decision covariance by Cov(q, y)·Cov(q, y)ᵀ/(Var y + σ²), so the score
/// of x is Σ_j Cov(q_j, y(x))²/(Var y(x) + σ²) (observations of several fits are absorbed one after the other),
/// optionally per FLOP. Candidates are chosen greedily: the best one is taken, the belief is updated by the
/// deterministic square-root filter (Whitaker and Hamill 2002: anomalies a ← a − α·k·a_y with gain
/// k = Cov(a, y)/(Var y + σ²) and α = 1/(1 + √(σ²/(Var y + σ²)))), which gives exactly the posterior covariance,
/// and the rest are re-scored, so the runs of a batch do not repeat each other's information.
/// </summary>
public static class NextRuns
{
    /// <summary>Proposes the next runs from <paramref name="candidates"/>.</summary>
    /// <param name="fits">The current fits (one per loss; a weights decision reads them as one mixture model).</param>
    /// <param name="data">The data of each fit (for the residual variance σ² of a new observation).</param>
    /// <param name="ensemble">Their bootstrap (same order): the belief of <see cref="NextRunCriterion.Ensemble"/>, and the source of the
    /// percentile intervals; null with <see cref="NextRunCriterion.Linearised"/> gives normal intervals q̂ ± z·sd from the linearisation.</param>
    /// <param name="candidates">Runs that could be trained; every law variable must be N, D or one of the plan's domains.</param>
    /// <param name="target">The decision.</param>
    /// <param name="options">Settings; default <see cref="NextRunOptions"/>.</param>
    /// <exception cref="ArgumentException">The inputs do not match, the ensemble criterion has no ensemble, or fewer than 3 replicates give a decision.</exception>
    public static NextRunSelection Propose(IReadOnlyList<FitResult> fits, IReadOnlyList<FitData> data, BootstrapEnsemble? ensemble, RunPlan candidates, DecisionTarget target,
        NextRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fits);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new NextRunOptions();
        if (options.Criterion == NextRunCriterion.Ensemble && ensemble is null)
            throw new ArgumentException("The ensemble criterion needs the bootstrap ensemble of the fits.");
        if (fits.Count == 0) throw new ArgumentException("No fit given.");
        if (data.Count != fits.Count) throw new ArgumentException($"{data.Count} data sets for {fits.Count} fits.");
        if (ensemble is not null && ensemble.Fits.Length != fits.Count) throw new ArgumentException($"The ensemble has {ensemble.Fits.Length} fits for {fits.Count} fits.");
        if (options.Count < 1) throw new ArgumentException($"The number of runs to propose must be at least 1 (got {options.Count}).");
        if (candidates.Runs.Length < options.Count)
            throw new ArgumentException($"The candidate set has {candidates.Runs.Length} runs, fewer than the {options.Count} asked for.");
        if (target.Kind == DecisionKind.Loss)
            foreach (var v in fits.SelectMany(f => f.Law.Variables).Distinct())
                if (!target.Point.ContainsKey(v)) throw new ArgumentException($"The target point gives no value for '{v}'; the laws read {string.Join(", ", fits.SelectMany(f => f.Law.Variables).Distinct())}.");
        var rows = fits.Select(f => CandidateRows(f.Law.Variables, candidates)).ToArray();
        var domains = candidates.Domains;
        var pointLaws = fits.Select(FittedLaw.From).ToList();
        var estimate = target.Evaluate(pointLaws, domains, options.Seed)
            ?? throw new ArgumentException("The decision cannot be computed from the current fits (the optimisation failed or is infeasible).");

        int m = fits.Count, count = candidates.Runs.Length;
        var noise = fits.Select((f, i) => ResidualDeviation(f, data[i])).ToArray();
        double[]? cost = options.PerCompute ? candidates.Runs.Select(run => run.Compute
            ?? throw new ArgumentException($"Run '{run.Id}' has no N or D, so its compute is unknown; rank per run instead.")).ToArray() : null;
        // The bootstrap decisions (when an ensemble is given) give the percentile intervals and, for the ensemble criterion, the belief.
        List<double[]>? decisions = null;
        var observed = new List<double[][]>();
        if (ensemble is not null)
        {
            decisions = new List<double[]>();
            foreach (var (q, y) in EnsembleDecisions(fits, ensemble, rows, target, domains, estimate.Length, options))
            {
                decisions.Add(q);
                observed.Add(y);
            }
            if (decisions.Count < 3)
                throw new ArgumentException($"Only {decisions.Count} of {ensemble.Replicates} bootstrap replicates give a decision; at least 3 are needed (raise the replicates or check the fits).");
        }
        double[][] decisionAnomalies;
        double[][][] observationAnomalies;
        if (options.Criterion == NextRunCriterion.Linearised)
            (decisionAnomalies, observationAnomalies) = LinearisedBelief.Anomalies(fits, data, rows, target, domains, estimate, noise, options.Seed,
                options.MaxDegreeOfParallelism);
        else
        {
            var d = decisions!;
            double scale = 1 / Math.Sqrt(d.Count - 1);
            decisionAnomalies = Anomalies(estimate.Length, d.Count, (i, j) => d[i][j], scale);
            observationAnomalies = new double[count][][];
            for (int c = 0; c < count; c++)
            {
                int cc = c;
                observationAnomalies[c] = Anomalies(m, d.Count, (i, f) => observed[i][cc][f], scale);
            }
        }
        var (variance, chosen) = GreedyOnAnomalies(decisionAnomalies, observationAnomalies, noise.Select(s => s * s).ToArray(), options.Count, cost);
        var proposals = ImmutableArray.CreateBuilder<NextRunProposal>(chosen.Length);
        double before = variance;
        foreach (var (index, after) in chosen)
        {
            proposals.Add(new NextRunProposal(proposals.Count + 1, index, candidates.Runs[index], after, variance > 0 ? (before - after) / variance : 0));
            before = after;
        }
        double z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (1 + options.Level) / 2);
        var intervals = Enumerable.Range(0, estimate.Length).Select(j => decisions is not null
            ? BootstrapInterval.Percentile(decisions.Select(q => q[j]), options.Level)
            : new BootstrapInterval(estimate[j] - z * Math.Sqrt(Dot(decisionAnomalies[j], decisionAnomalies[j])),
                estimate[j] + z * Math.Sqrt(Dot(decisionAnomalies[j], decisionAnomalies[j])), estimate[j], options.Level)).ToImmutableArray();
        return new NextRunSelection(target, target.ComponentNames(pointLaws, domains), estimate.ToImmutableArray(), intervals, decisions?.Count ?? 0, variance,
            proposals.MoveToImmutable());
    }

    /// <summary>
    /// The greedy criterion on raw ensemble matrices: <paramref name="decision"/>[r][j] is component j of the decision
    /// under replicate r, <paramref name="observations"/>[r][c][f] the predicted observation f of candidate c, and
    /// <paramref name="noise"/>[f] the standard deviation of observation f. Returns the current total variance of the
    /// decision and the chosen candidates with the expected total variance after each (see <see cref="NextRuns"/>).
    /// </summary>
    /// <param name="decision">R × q decision ensemble (R ≥ 2).</param>
    /// <param name="observations">R × M × m predicted observations.</param>
    /// <param name="noise">m observation standard deviations (≥ 0).</param>
    /// <param name="count">K, the number of candidates to choose (≤ M).</param>
    /// <param name="cost">Optional cost per candidate; when given, candidates are ranked by variance reduction per unit cost.</param>
    /// <exception cref="ArgumentException">Shapes do not match or a value is out of range.</exception>
    public static (double Variance, ImmutableArray<(int Candidate, double Variance)> Chosen) Greedy(double[][] decision, double[][][] observations,
        IReadOnlyList<double> noise, int count, IReadOnlyList<double>? cost = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(noise);
        int r = decision.Length;
        if (r < 2 || observations.Length != r) throw new ArgumentException("The ensembles need the same number of replicates, at least 2.");
        int q = decision[0].Length, candidates = observations[0].Length, m = noise.Count;
        if (count < 1 || count > candidates) throw new ArgumentException($"Cannot choose {count} of {candidates} candidates.");
        if (cost is not null && (cost.Count != candidates || cost.Any(c => !(c > 0))))
            throw new ArgumentException("Every candidate needs a positive cost.");
        double scale = 1 / Math.Sqrt(r - 1);
        var decisionAnomalies = Anomalies(q, r, (i, j) => decision[i][j], scale);
        var observationAnomalies = new double[candidates][][];
        for (int c = 0; c < candidates; c++)
        {
            int cc = c;
            observationAnomalies[c] = Anomalies(m, r, (i, f) => observations[i][cc][f], scale);
        }
        return GreedyOnAnomalies(decisionAnomalies, observationAnomalies, noise.Select(s => s * s).ToArray(), count, cost);
    }

    /// <summary>
    /// The greedy square-root selection on anomalies whose inner products are the covariances: Cov(qⱼ, qₖ) = ⟨aⱼ, aₖ⟩,
    /// Cov(qⱼ, y_cf) = ⟨aⱼ, b_cf⟩ (from an ensemble or from <see cref="LinearisedBelief"/>).
    /// </summary>
    private static (double Variance, ImmutableArray<(int Candidate, double Variance)> Chosen) GreedyOnAnomalies(double[][] decisionAnomalies,
        double[][][] observationAnomalies, double[] noiseVariance, int count, IReadOnlyList<double>? cost)
    {
        int q = decisionAnomalies.Length, candidates = observationAnomalies.Length, m = noiseVariance.Length;
        double variance = Trace(decisionAnomalies);
        var chosen = ImmutableArray.CreateBuilder<(int, double)>(count);
        var taken = new bool[candidates];
        for (int step = 0; step < count; step++)
        {
            double current = Trace(decisionAnomalies);
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < candidates; c++)
            {
                if (taken[c]) continue;
                var trial = decisionAnomalies.Select(a => (double[])a.Clone()).ToList();
                var own = observationAnomalies[c].Select(a => (double[])a.Clone()).ToArray();
                trial.AddRange(own);
                for (int f = 0; f < m; f++) Assimilate(trial, own[f], noiseVariance[f]);
                double reduction = current - Trace(trial.Take(q));
                double score = cost is null ? reduction : reduction / cost[c];
                if (score > bestScore) { bestScore = score; best = c; }
            }
            taken[best] = true;
            var all = new List<double[]>(decisionAnomalies);
            foreach (var o in observationAnomalies) all.AddRange(o);
            var observed = observationAnomalies[best];
            for (int f = 0; f < m; f++) Assimilate(all, observed[f], noiseVariance[f]);
            chosen.Add((best, Trace(decisionAnomalies)));
        }
        return (variance, chosen.MoveToImmutable());
    }

    /// <summary>The decision and the candidates' predicted observations under every usable replicate, in replicate order.</summary>
    private static List<(double[] Decision, double[][] Observed)> EnsembleDecisions(IReadOnlyList<FitResult> fits, BootstrapEnsemble ensemble, double[][][] rows,
        DecisionTarget target, ImmutableArray<string> domains, int components, NextRunOptions options)
    {
        int replicates = ensemble.Replicates, m = fits.Count, count = rows[0].Length;
        var pointLaws = fits.Select(FittedLaw.From).ToList();
        var decision = new double[replicates][];
        var observed = new double[replicates][][];
        Parallel.For(0, replicates, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, r =>
        {
            if (!ensemble.IsUsable(r)) return;
            var laws = pointLaws.Select((l, f) => l.WithParameters(ensemble.Fits[f].Samples[r])).ToList();
            double[]? q;
            try { q = target.Evaluate(laws, domains, options.Seed); }
            catch (ArgumentException) { q = null; }
            if (q is null || q.Length != components) return;
            var y = new double[count][];
            for (int c = 0; c < count; c++)
            {
                y[c] = new double[m];
                for (int f = 0; f < m; f++)
                {
                    double value = laws[f].Evaluate(rows[f][c]);
                    y[c][f] = fits[f].Space == ResidualSpace.Log ? Math.Log(value) : value;
                    if (!double.IsFinite(y[c][f])) return;
                }
            }
            decision[r] = q;
            observed[r] = y;
        });
        return Enumerable.Range(0, replicates).Where(r => decision[r] is not null).Select(r => (decision[r], observed[r])).ToList();
    }

    /// <summary>√(Σ rᵢ²/(n − p)) with rᵢ = yᵢ − f(xᵢ), or log yᵢ − log f(xᵢ) for fits in log space.</summary>
    private static double ResidualDeviation(FitResult fit, FitData data)
    {
        var predicted = fit.Predict(data);
        double sum = 0;
        for (int i = 0; i < data.Count; i++)
        {
            double r = fit.Space == ResidualSpace.Log ? Math.Log(data.Y[i]) - Math.Log(predicted[i]) : data.Y[i] - predicted[i];
            sum += r * r;
        }
        double deviation = Math.Sqrt(sum / Math.Max(1, data.Count - fit.Parameters.Count(p => p.Bound != BoundState.Fixed)));
        return double.IsFinite(deviation) ? deviation : throw new ArgumentException($"The residuals of the fit of '{fit.Target}' are not finite; check the data.");
    }

    /// <summary>Serial square-root update of every column in <paramref name="columns"/> by the scalar observation anomaly <paramref name="observation"/>.</summary>
    private static void Assimilate(List<double[]> columns, double[] observation, double noiseVariance)
    {
        var y = (double[])observation.Clone();
        double varY = Dot(y, y), total = varY + noiseVariance;
        if (!(total > 0)) return;
        double alpha = 1 / (1 + Math.Sqrt(noiseVariance / total));
        foreach (var column in columns)
        {
            double gain = Dot(column, y) / total;
            if (gain == 0) continue;
            double step = alpha * gain;
            for (int i = 0; i < y.Length; i++) column[i] -= step * y[i];
        }
    }

    private static double[][] Anomalies(int columns, int rows, Func<int, int, double> value, double scale)
    {
        var result = new double[columns][];
        for (int j = 0; j < columns; j++)
        {
            var a = new double[rows];
            double mean = 0;
            for (int i = 0; i < rows; i++) { a[i] = value(i, j); mean += a[i]; }
            mean /= rows;
            for (int i = 0; i < rows; i++) a[i] = (a[i] - mean) * scale;
            result[j] = a;
        }
        return result;
    }

    private static double Trace(IEnumerable<double[]> columns) => columns.Sum(a => Dot(a, a));

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[][] CandidateRows(ImmutableArray<string> variables, RunPlan plan) =>
        plan.Runs.Select(run => Row(variables, run, plan.Domains)).ToArray();

    /// <summary>The values of <paramref name="variables"/> for one candidate run: N, D or a domain's weight.</summary>
    internal static double[] Row(ImmutableArray<string> variables, PlannedRun run, ImmutableArray<string> domains) =>
        variables.Select(v => v switch
        {
            "N" => run.ModelSize ?? throw new ArgumentException($"The laws read N but candidate '{run.Id}' has no model size; give candidate sizes."),
            "D" => run.Tokens ?? throw new ArgumentException($"The laws read D but candidate '{run.Id}' has no token count; give candidate budgets."),
            _ => domains.IndexOf(v) is int i and >= 0 && run.Weights.Length == domains.Length ? run.Weights[i]
                : throw new ArgumentException($"The laws read '{v}', which the candidate runs do not set (domains: {string.Join(", ", domains)})."),
        }).ToArray();
}
