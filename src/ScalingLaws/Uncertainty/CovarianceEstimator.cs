using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace ScalingLaws.Uncertainty;

/// <summary>Computes <see cref="ParameterCovariance"/> from a Jacobian by SVD.</summary>
internal static class CovarianceEstimator
{
    /// <summary>
    /// σ̂²·V·Σ⁻²·Vᵀ from the SVD J̃ = UΣVᵀ of the n × k column-major <paramref name="jacobian"/>
    /// (computed as the SVD of the k × k triangular factor of a thin QR of J̃).
    /// Rank-deficient when a singular value is below max(n, k)·ε·σ₁.
    /// </summary>
    public static ParameterCovariance Estimate(ReadOnlySpan<double> jacobian, int n, IReadOnlyList<string> names,
        ReadOnlySpan<double> residuals, int degreesOfFreedom)
    {
        int k = names.Count;
        if (k == 0) return ParameterCovariance.Unavailable("no parameter is free and off its bounds");
        if (degreesOfFreedom <= 0)
            return ParameterCovariance.Unavailable($"no degrees of freedom left ({n} rows, {k} parameters)");
        double rss = 0;
        foreach (double r in residuals) rss += r * r;
        double s2 = rss / degreesOfFreedom;
        // J = QR (Householder) and R = UΣVᵀ give J's singular values and V without forming an n × n U.
        var triangular = n > k ? Matrix<double>.Build.DenseOfColumnMajor(k, k, TriangularFactor(jacobian, n, k))
            : Matrix<double>.Build.Dense(n, k, jacobian.ToArray());
        var svd = triangular.Svd(computeVectors: true);
        var sv = svd.S;
        double smax = sv[0], smin = sv[k - 1];
        double tol = Math.Max(n, k) * 2.220446049250313e-16 * smax;
        if (!(smax > 0) || smin <= tol)
        {
            var vt = svd.VT;
            var weak = Enumerable.Range(0, k).OrderByDescending(c => Math.Abs(vt[k - 1, c])).Take(2).Select(c => $"'{names[c]}'");
            return ParameterCovariance.Unavailable(
                $"the Jacobian is rank-deficient (smallest singular value {smin:G3} vs largest {smax:G3}); {string.Join(" and ", weak)} are not separately identifiable");
        }
        var v = svd.VT.Transpose();
        var values = new double[k * k];
        for (int a = 0; a < k; a++)
            for (int b = a; b < k; b++)
            {
                double sum = 0;
                for (int t = 0; t < k; t++) sum += v[a, t] * v[b, t] / (sv[t] * sv[t]);
                values[a * k + b] = values[b * k + a] = s2 * sum;
            }
        return new ParameterCovariance
        {
            Names = names.ToImmutableArray(),
            Values = values.ToImmutableArray(),
            ResidualVariance = s2,
            ConditionNumber = smax / smin,
        };
    }

    /// <summary>The k × k upper-triangular R (column-major) of a Householder QR of the n × k column-major J.</summary>
    private static double[] TriangularFactor(ReadOnlySpan<double> jacobian, int n, int k)
    {
        var a = jacobian.ToArray();
        for (int j = 0; j < k; j++)
        {
            double norm = 0;
            for (int i = j; i < n; i++) norm += a[j * n + i] * a[j * n + i];
            norm = Math.Sqrt(norm);
            if (norm == 0) continue;
            double alpha = a[j * n + j] > 0 ? -norm : norm;
            a[j * n + j] -= alpha;
            double vtv = 0;
            for (int i = j; i < n; i++) vtv += a[j * n + i] * a[j * n + i];
            for (int c = j + 1; c < k; c++)
            {
                double dot = 0;
                for (int i = j; i < n; i++) dot += a[j * n + i] * a[c * n + i];
                dot *= 2 / vtv;
                for (int i = j; i < n; i++) a[c * n + i] -= dot * a[j * n + i];
            }
            a[j * n + j] = alpha;
        }
        var r = new double[k * k];
        for (int c = 0; c < k; c++)
            for (int i = 0; i <= c; i++) r[c * k + i] = a[c * n + i];
        return r;
    }
}
