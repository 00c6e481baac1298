namespace ScalingLaws.Optimization.Solvers;

/// <summary>A smooth function on a closed convex set with an exact projection.</summary>
internal interface IProjectedObjective
{
    /// <summary>Number of variables.</summary>
    int Dimension { get; }

    /// <summary>The value at <paramref name="x"/> and its gradient; a non-finite value marks an invalid point.</summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Replaces <paramref name="x"/> by its projection onto the feasible set.</summary>
    void Project(Span<double> x);
}

/// <summary>Outcome of <see cref="SpectralProjectedGradient.Minimize"/>.</summary>
internal readonly record struct SpgOutcome(double Value, int Iterations, int Evaluations, bool Converged, double ProjectedGradient);

/// <summary>
/// Spectral projected gradient (Birgin, Martínez and Raydan 2000, algorithm SPG2): steps along
/// P(x − λ∇f) − x with the Barzilai–Borwein step λ = sᵀs/sᵀy, a non-monotone Armijo line search over
/// the last 10 values (γ = 10⁻⁴) with safeguarded quadratic backtracking (σ ∈ [0.1, 0.9]). Stops when
/// ‖P(x − ∇f) − x‖∞ ≤ tolerance (a first-order stationarity measure that is zero exactly at KKT points of
/// a convex set), when the value stalls for 20 iterations (relative change ≤ 10⁻¹⁵), or after the
/// iteration limit. Returns the best point seen.
/// </summary>
internal static class SpectralProjectedGradient
{
    private const double LambdaMin = 1e-12, LambdaMax = 1e12, Gamma = 1e-4;
    private const int Memory = 10, StallLimit = 20;

    public static SpgOutcome Minimize(IProjectedObjective f, double[] x, double tolerance, int maxIterations)
    {
        int n = f.Dimension;
        var g = new double[n];
        var trial = new double[n];
        var gTrial = new double[n];
        var d = new double[n];
        var best = new double[n];
        var history = new double[Memory];
        f.Project(x);
        double value = f.Evaluate(x, g);
        int evaluations = 1;
        if (!double.IsFinite(value)) return new SpgOutcome(value, 0, evaluations, false, double.NaN);
        Array.Copy(x, best, n);
        double bestValue = value;
        history.AsSpan().Fill(value);
        double pg = ProjectedGradient(f, x, g, 1, d);
        double lambda = Math.Clamp(1 / Math.Max(pg, 1e-300), LambdaMin, LambdaMax);
        int iteration = 0, stall = 0;
        bool converged = pg <= tolerance;
        while (!converged && iteration < maxIterations)
        {
            iteration++;
            for (int i = 0; i < n; i++) d[i] = x[i] - lambda * g[i];
            f.Project(d);
            double slope = 0;
            for (int i = 0; i < n; i++) { d[i] -= x[i]; slope += g[i] * d[i]; }
            if (!(slope < 0)) { lambda = Math.Clamp(lambda * 0.1, LambdaMin, LambdaMax); if (lambda == LambdaMin) break; continue; }
            double reference = history.Max();
            double alpha = 1, trialValue;
            while (true)
            {
                for (int i = 0; i < n; i++) trial[i] = x[i] + alpha * d[i];
                trialValue = f.Evaluate(trial, gTrial);
                evaluations++;
                if (double.IsFinite(trialValue) && trialValue <= reference + Gamma * alpha * slope) break;
                double next = double.IsFinite(trialValue)
                    ? -0.5 * alpha * alpha * slope / (trialValue - value - alpha * slope)
                    : 0.1 * alpha;
                alpha = next >= 0.1 * alpha && next <= 0.9 * alpha ? next : 0.5 * alpha;
                if (alpha < 1e-20) break;
            }
            if (alpha < 1e-20) break;
            double sts = 0, sty = 0;
            for (int i = 0; i < n; i++)
            {
                double s = trial[i] - x[i], y = gTrial[i] - g[i];
                sts += s * s; sty += s * y;
            }
            lambda = sty <= 0 ? LambdaMax : Math.Clamp(sts / sty, LambdaMin, LambdaMax);
            double change = Math.Abs(value - trialValue);
            stall = change <= 1e-15 * (1 + Math.Abs(value)) ? stall + 1 : 0;
            Array.Copy(trial, x, n);
            Array.Copy(gTrial, g, n);
            value = trialValue;
            history[iteration % Memory] = value;
            if (value < bestValue) { bestValue = value; Array.Copy(x, best, n); }
            pg = ProjectedGradient(f, x, g, 1, d);
            if (pg <= tolerance) converged = true;
            else if (stall >= StallLimit) break;
        }
        if (bestValue < value)
        {
            Array.Copy(best, x, n);
            value = f.Evaluate(x, g);
            evaluations++;
            pg = ProjectedGradient(f, x, g, 1, d);
        }
        return new SpgOutcome(value, iteration, evaluations, converged, pg);
    }

    /// <summary>‖P(x − t·g) − x‖∞ (uses <paramref name="scratch"/>).</summary>
    public static double ProjectedGradient(IProjectedObjective f, ReadOnlySpan<double> x, ReadOnlySpan<double> g, double t, Span<double> scratch)
    {
        for (int i = 0; i < x.Length; i++) scratch[i] = x[i] - t * g[i];
        f.Project(scratch);
        double m = 0;
        for (int i = 0; i < x.Length; i++) m = Math.Max(m, Math.Abs(scratch[i] - x[i]));
        return m;
    }
}
