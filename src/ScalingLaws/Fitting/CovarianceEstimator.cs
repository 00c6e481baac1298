using System.Collections.Immutable;
using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;

namespace ScalingLaws.Fitting;

/// <summary>Computes <see cref="ParameterCovariance"/> from the triangular factor of a Jacobian by SVD.</summary>
internal static class CovarianceEstimator
{
    /// <summary>
    /// σ̂²·V·Σ⁻²·Vᵀ from the SVD J̃ = UΣVᵀ of an n × k Jacobian, given the k × k upper-triangular R
    /// (row-major) of its thin QR, which <paramref name="triangular"/> computes when it is needed: R has
    /// J̃'s singular values and V.
    /// σ̂² = <paramref name="residualSumOfSquares"/> (Σ rᵢ²) / <paramref name="degreesOfFreedom"/>.
    /// Rank-deficient when a singular value is below max(n, k)·ε·σ₁. A parameter whose Jacobian column is zero
    /// (norm at most max(n, k)·ε times the largest column's; e.g. an exponent whose term's coefficient is 0) has no
    /// information and none shared with the others, so JᵀJ is block-diagonal: it is left out of the matrix (its
    /// variance is unbounded) and the others' covariance is that of the remaining columns.
    /// </summary>
    public static ParameterCovariance Estimate(Func<double[]> triangular, int n, IReadOnlyList<string> names,
        double residualSumOfSquares, int degreesOfFreedom)
    {
        int k = names.Count;
        if (k == 0) return ParameterCovariance.Unavailable("no parameter is free and off its bounds");
        if (degreesOfFreedom <= 0)
            return ParameterCovariance.Unavailable($"no degrees of freedom left ({n} rows, {k} parameters)");
        double rss = residualSumOfSquares;
        double s2 = rss / degreesOfFreedom;
        var factor = triangular();
        int bad = -1;
        for (int i = 0; i < factor.Length && bad < 0; i++)
            if (!double.IsFinite(factor[i])) bad = i;
        if (bad >= 0 || !double.IsFinite(s2))
            return ParameterCovariance.Unavailable(bad >= 0
                ? "the Jacobian has a non-finite entry at the optimum (a derivative is infinite or undefined there, e.g. of x^b at x = 0 or of sqrt(a) at a = 0)"
                : "the residuals are not finite at the optimum");
        // Column norms of R (= those of J̃), each summed down the rows.
        var norms = new double[k];
        double largest = 0;
        for (int c = 0; c < k; c++)
        {
            double sum = 0;
            for (int r = 0; r < k; r++) sum += factor[r * k + c] * factor[r * k + c];
            norms[c] = Math.Sqrt(sum);
            largest = Math.Max(largest, norms[c]);
        }
        double columnTolerance = Math.Max(n, k) * 2.220446049250313e-16 * largest;
        var informative = new List<int>(k);
        for (int c = 0; c < k; c++)
            if (norms[c] > columnTolerance) informative.Add(c);
        if (informative.Count == 0) return ParameterCovariance.Unavailable("no free parameter changes the fit at the optimum");
        if (informative.Count < k)
        {
            // The Gram matrix of R without the zero columns is that of J̃ without them.
            var kept = new double[k * informative.Count];
            for (int r = 0; r < k; r++)
                for (int c = 0; c < informative.Count; c++) kept[r * informative.Count + c] = factor[r * k + informative[c]];
            factor = kept;
            names = [.. informative.Select(c => names[c])];
        }
        int rows = k;
        k = informative.Count;
        MathNet.Numerics.LinearAlgebra.Factorization.Svd<double> svd;
        try { svd = Matrix<double>.Build.DenseOfRowMajor(rows, k, factor).Svd(computeVectors: true); }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            return ParameterCovariance.Unavailable("the singular value decomposition of the Jacobian did not converge");
        }
        var sv = svd.S;
        double smax = sv[0], smin = sv[k - 1];
        double tol = Math.Max(n, k) * 2.220446049250313e-16 * smax;
        var vt = svd.VT;
        if (!(smax > 0) || smin <= tol)
            return ParameterCovariance.Unavailable(
                $"the Jacobian is rank-deficient (smallest singular value {smin:G3} vs largest {smax:G3}); {Join(Unidentifiable(vt, sv, tol, names))} are not separately identifiable: a combination of them leaves the fit unchanged");
        var values = new double[k * k];
        for (int a = 0; a < k; a++)
            for (int b = a; b < k; b++)
            {
                double sum = 0;
                for (int t = 0; t < k; t++) sum += vt[t, a] * vt[t, b] / (sv[t] * sv[t]);
                values[a * k + b] = values[b * k + a] = s2 * sum;
            }
        return new ParameterCovariance
        {
            Names = [.. names],
            Values = ImmutableCollectionsMarshal.AsImmutableArray(values),
            ResidualVariance = s2,
            ConditionNumber = smax / smin,
        };
    }

    /// <summary>
    /// The parameters that move along the Jacobian's null directions (right singular vectors whose singular
    /// value is at most <paramref name="tol"/>): each with a component at least a fifth of that vector's
    /// largest (at least the two heaviest), in the law's order.
    /// </summary>
    private static List<string> Unidentifiable(Matrix<double> vt, Vector<double> sv, double tol, IReadOnlyList<string> names)
    {
        int k = names.Count;
        var weight = new double[k];
        for (int t = 0; t < k; t++)
        {
            if (sv[t] > tol && t < k - 1) continue;
            double max = 0;
            for (int c = 0; c < k; c++) max = Math.Max(max, Math.Abs(vt[t, c]));
            for (int c = 0; c < k; c++)
                if (Math.Abs(vt[t, c]) >= 0.2 * max) weight[c] = Math.Max(weight[c], Math.Abs(vt[t, c]));
        }
        var order = Enumerable.Range(0, k).OrderByDescending(c => weight[c]).ThenBy(c => c).ToList();
        int count = Math.Max(Math.Min(2, k), weight.Count(w => w > 0));
        return [.. order.Take(count).Order().Select(c => $"'{names[c]}'")];
    }

    private static string Join(List<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}
