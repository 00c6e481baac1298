using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;
using ScalingLaws.Fitting;

namespace ScalingLaws.Design;

/// <summary>
/// The linearised (Laplace) belief about fitted laws as square-root anomalies, the form <see cref="NextRuns"/> updates.
/// Per fit, over its parameters that are free and off their bounds: precision P = JᵀJ/σ² + diag(1/sₖ²), J the
/// Jacobian of the fit's residual-space prediction at its data, σ² its residual variance and sₖ = max(|θ̂ₖ|, |θ⁰ₖ|) a
/// weak prior scale (the estimate's or the law's typical magnitude), which keeps directions the data do not
/// identify finite rather than infinite. With P = VΛVᵀ the square root S = VΛ^(−1/2) gives Σ = P⁻¹ = SSᵀ; fits are
/// independent, so S is block-diagonal. The decision's anomalies are G·S with G = ∂q/∂θ by central differences of
/// the decision (step 10⁻³·sₖ, one-sided next to a bound or where the decision fails), a candidate's anomalies
/// gᵀS with g the law's exact gradient of its residual-space prediction. Then Cov(q) = GΣGᵀ,
/// Cov(q, y) = GΣg and Var y = gᵀΣg: the delta method, exactly as an ensemble whose inner products are those
/// covariances.
/// </summary>
internal static class LinearisedBelief
{
    private const double RelativeStep = 1e-3;

    /// <summary>Decision anomalies [q][K] and observation anomalies [candidate][fit][K], K the free parameters of all fits.</summary>
    public static (double[][] Decision, double[][][] Observations) Anomalies(IReadOnlyList<FitResult> fits, IReadOnlyList<FitData> data,
        double[][][] rows, DecisionTarget target, ImmutableArray<string> domains, double[] estimate, IReadOnlyList<double> noise, int seed, int threads)
    {
        int m = fits.Count;
        var free = fits.Select(f => Enumerable.Range(0, f.Parameters.Length).Where(k => f.Parameters[k].Bound == BoundState.Free).ToArray()).ToArray();
        var scale = fits.Select((f, i) => free[i].Select(k => Math.Max(Math.Abs(f.Parameters[k].Value), Math.Abs(f.Law.Parameters[k].Initial))).ToArray()).ToArray();
        var offsets = new int[m + 1];
        for (int f = 0; f < m; f++) offsets[f + 1] = offsets[f] + free[f].Length;
        int total = offsets[m];
        if (total == 0) throw new ArgumentException("No fitted parameter is free and off its bounds, so the fits leave nothing to learn.");
        var root = new double[m][,];
        for (int f = 0; f < m; f++) root[f] = SquareRoot(fits[f], data[f], free[f], scale[f], noise[f]);

        // Columns of G: one per free parameter of each fit (central differences of the decision).
        var laws = fits.Select(FittedLaw.From).ToArray();
        var derivative = new double[total][];
        Parallel.For(0, total, new ParallelOptions { MaxDegreeOfParallelism = threads }, column =>
        {
            int f = Array.FindLastIndex(offsets, o => o <= column);
            int k = free[f][column - offsets[f]];
            var spec = fits[f].Law.Parameters[k];
            double value = fits[f].Parameters[k].Value, step = RelativeStep * scale[f][column - offsets[f]];
            if (!(step > 0)) step = RelativeStep;
            double[]? Shifted(double delta)
            {
                double moved = value + delta;
                if (moved < spec.Lower || moved > spec.Upper) return null;
                var shifted = laws.ToArray();
                var parameters = laws[f].Parameters.ToArray();
                parameters[k] = moved;
                shifted[f] = laws[f].WithParameters(parameters);
                try { return target.Evaluate(shifted, domains, seed) is { } q && q.Length == estimate.Length && q.All(double.IsFinite) ? q : null; }
                catch (ArgumentException) { return null; }
            }
            var up = Shifted(step);
            var down = Shifted(-step);
            derivative[column] = up is not null && down is not null ? up.Select((u, j) => (u - down[j]) / (2 * step)).ToArray()
                : up is not null ? up.Select((u, j) => (u - estimate[j]) / step).ToArray()
                : down is not null ? down.Select((d, j) => (estimate[j] - d) / step).ToArray()
                : new double[estimate.Length];
        });

        var decision = new double[estimate.Length][];
        for (int j = 0; j < estimate.Length; j++)
        {
            decision[j] = new double[total];
            for (int f = 0; f < m; f++)
                for (int t = 0; t < free[f].Length; t++)
                {
                    double sum = 0;
                    for (int k = 0; k < free[f].Length; k++) sum += derivative[offsets[f] + k][j] * root[f][k, t];
                    decision[j][offsets[f] + t] = sum;
                }
        }
        int count = rows[0].Length;
        var observations = new double[count][][];
        for (int c = 0; c < count; c++)
        {
            observations[c] = new double[m][];
            for (int f = 0; f < m; f++)
            {
                var g = Gradient(fits[f], rows[f][c], free[f]);
                var a = new double[total];
                for (int t = 0; t < free[f].Length; t++)
                {
                    double sum = 0;
                    for (int k = 0; k < g.Length; k++) sum += g[k] * root[f][k, t];
                    a[offsets[f] + t] = sum;
                }
                observations[c][f] = a;
            }
        }
        return (decision, observations);
    }

    /// <summary>S with SSᵀ = (JᵀJ/σ² + diag(1/s²))⁻¹ over the free parameters.</summary>
    private static double[,] SquareRoot(FitResult fit, FitData data, int[] free, double[] scale, double noise)
    {
        int p = free.Length;
        double variance = Math.Max(noise * noise, 1e-300);
        var precision = Matrix<double>.Build.Dense(p, p);
        for (int i = 0; i < data.Count; i++)
        {
            var g = Gradient(fit, data.Row(i), free);
            for (int a = 0; a < p; a++)
                for (int b = 0; b < p; b++) precision[a, b] += g[a] * g[b] / variance;
        }
        for (int a = 0; a < p; a++) precision[a, a] += 1 / Math.Max(scale[a] * scale[a], 1e-300);
        var evd = precision.Evd(Symmetricity.Symmetric);
        var root = new double[p, p];
        for (int t = 0; t < p; t++)
        {
            double lambda = evd.EigenValues[t].Real;
            if (!(lambda > 0) || !double.IsFinite(lambda)) continue;
            for (int a = 0; a < p; a++) root[a, t] = evd.EigenVectors[a, t] / Math.Sqrt(lambda);
        }
        return root;
    }

    /// <summary>∂ŷ/∂θ over the free parameters, ŷ the prediction in the fit's residual space (log f for log-space fits).</summary>
    private static double[] Gradient(FitResult fit, ReadOnlySpan<double> x, int[] free)
    {
        var full = new double[fit.Parameters.Length];
        double value = fit.Law.EvaluateWithGradient(fit.Values.AsSpan(), x, full);
        double factor = fit.Space == ResidualSpace.Log ? 1 / value : 1;
        var g = new double[free.Length];
        for (int k = 0; k < free.Length; k++) g[k] = full[free[k]] * factor;
        if (!g.All(double.IsFinite)) throw new ArgumentException($"The gradient of '{fit.Target}' is not finite at a run; check the candidates and the fit.");
        return g;
    }
}
